package io.newsarchive.schema;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * The only place where the index's field names, field types and analyzers are declared. Each
 * constant says why the field is indexed the way it is.
 *
 * <p>Bump {@link #SCHEMA_VERSION} whenever a field changes in a way that old indexes cannot serve;
 * the indexer and searcher refuse to open an index of another version.
 */
public final class ArticleFields {

  /** Version of this schema, written into every commit's user data under {@link #SCHEMA_KEY}. */
  public static final int SCHEMA_VERSION = 7;

  /** Commit user-data key that holds the schema version. */
  public static final String SCHEMA_KEY = "newsarchive.schema";

  /**
   * Stable article id: exact term for upserts and lookups, sorted doc values as a sort tie-break.
   */
  public static final String ID = "id";

  /** Publisher or collection: exact keyword with doc values for the source filter and facet. */
  public static final String SOURCE = "source";

  /** The source's own article id: stored for display only. */
  public static final String SOURCE_ID = "source_id";

  /** Article URL: stored for display only. */
  public static final String URL = "url";

  /**
   * Headline: full text analyzed for the article's language ({@link TextLanguages}, English when it
   * has no analyzer of its own), stored, with offsets for fast highlighting.
   */
  public static final String TITLE = "title";

  /**
   * Headline words, unstemmed and with stop words kept, as {@link #WORDS_ONLY}: the spelling
   * corrector's vocabulary. A {@link #VOCABULARY} field: its words and their article counts only.
   */
  public static final String TITLE_EXACT = "title_exact";

  /**
   * Body: analyzed as {@link #TITLE}, stored, with offsets, from which a page highlights its
   * bodies: analyzing them again instead, which would save a tenth of the index, cost a page a
   * tenth more CPU.
   */
  public static final String BODY = "body";

  /**
   * Body words, unstemmed and with stop words kept, as {@link #WORDS_ONLY}: see {@link
   * #TITLE_EXACT}; also the background counts of what is unusual in a result set.
   */
  public static final String BODY_EXACT = "body_exact";

  /**
   * The fields whose words are only counted, never matched, each with the stored field it is
   * analyzed from (by {@link #exactAnalyzer}): their segments keep each word and the number of
   * articles that hold it, and no list of those articles. A merge subtracts the words of the
   * deleted articles, read again from the stored field, so the counts stay those of the articles a
   * segment holds, as Lucene's own counts do.
   */
  public static final Map<String, String> VOCABULARY = Map.of(TITLE_EXACT, TITLE, BODY_EXACT, BODY);

  /**
   * Publication time in epoch milliseconds: point for range filters, doc values for sort and
   * timeline.
   */
  public static final String PUBLISHED = "published";

  /** The date as the source wrote it: stored for display and audit only. */
  public static final String PUBLISHED_TEXT = "published_text";

  /** Primary language subtag: exact keyword with doc values for the language filter and facet. */
  public static final String LANGUAGE = "language";

  /** Bylines: exact keyword with doc values, stored. */
  public static final String AUTHOR = "author";

  /**
   * Canonical entity names per type: exact keywords with doc values for filters and facets. The
   * names are spelled out here, not taken from {@link EntityType#key()}, so that renaming a URL or
   * JSON key leaves the schema alone.
   */
  public static final String PERSON = "person";

  /** See {@link #PERSON}. */
  public static final String ORG = "org";

  /** See {@link #PERSON}. */
  public static final String PLACE = "place";

  /** Suffix of the analyzed twin of each entity field, so that a name in a query matches it. */
  public static final String TEXT_SUFFIX = "_text";

  /**
   * The article's entities in its order, for display and to rebuild the article: one stored value,
   * a line per entity, {@code T R TAB mentions} and {@code TAB form} per form, where {@code T} is
   * the digit of the type's ordinal and {@code R} the rank of the entity's name among the article's
   * names of that type in byte order. The names themselves are read from the sorted-set doc values
   * of the type's {@link #entityField}, which index them anyway (for filters and facets) and which
   * list each document's names in that order; a stored copy of every name was a tenth of the index.
   */
  public static final String ENTITIES = "entities";

  /**
   * The stored entities of indexes written before {@link #ENTITIES}: a value per entity, {@code
   * field TAB name TAB mentions} and {@code TAB form} per form, the type written as its {@link
   * #entityField} name. Still read; a re-ingest rewrites such an article with {@link #ENTITIES}.
   */
  public static final String ENTITY = "entity";

  /**
   * The short forms an article resolved to a full name of its own ("Reagan" to "Ronald Reagan",
   * "ICCO" to "International Cocoa Organization"), {@code field TAB form TAB name} as written by
   * {@link #entityForm}: an exact keyword indexed with documents only (no doc values, not stored),
   * since the archive's canonical names ({@code entities.EntityNames}) are built from its terms and
   * their document counts alone.
   */
  public static final String ENTITY_FORM = "entity_form";

  /**
   * 64 bits of a hash of every stored field, to tell an unchanged article from an updated one on
   * re-ingest: numeric doc values, which a re-ingest reads without decompressing stored fields.
   */
  public static final String CONTENT_HASH = "content_hash";

  /**
   * The story an article belongs to, shared by its wire copies and updates ({@code
   * story.StoryMatcher}): exact keyword with sorted doc values to collapse and count stories,
   * stored, and all three only when it is not the article's own id: nearly every article founds its
   * story, and an article without the field is read as the story of its own {@link #ID} ({@code
   * ArticleDocuments.story}), so that a story's articles are its founder and those with its term.
   */
  public static final String STORY = "story";

  /**
   * The LSH band keys of the article's MinHash signature, the top 3 bytes of each ({@code
   * story.StoryMatcher.bandTerm}): exact terms indexed with documents only, so that a later ingest
   * finds an article's likely copies by term lookup. The signature itself is not stored in the
   * local index: it is computed again from the stored title and body of the few candidates a band
   * key finds.
   */
  public static final String STORY_BAND = "story_band";

  /**
   * The article's MinHash signature ({@code story.StorySignature}) in an OpenSearch index, whose
   * candidates come back from one search per bulk request: binary, in {@code _source} only. The
   * local index does not hold it (see {@link #STORY_BAND}).
   */
  public static final String STORY_SIGNATURE = "story_signature";

  /**
   * Sentence embeddings of the article's passages ({@code semantic.PassageVectors}), written when
   * the index is built with them: binary doc values, read for the best articles of a query only.
   * Optional, so an index without them is still of this schema version.
   */
  public static final String PASSAGE_VECTORS = "passage_vectors";

  /** Text field type with positions and offsets in the postings (phrases and fast highlighting). */
  public static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  /**
   * Text field type that records only which articles hold a word: no frequencies, positions or
   * norms, because nothing scores or matches phrases on it; the spelling corrector reads only its
   * words and their document counts.
   */
  public static final FieldType WORDS_ONLY = wordsOnly();

  private ArticleFields() {}

  /** The keyword field that holds entities of one type. */
  public static String entityField(EntityType type) {
    return switch (type) {
      case PERSON -> PERSON;
      case ORGANIZATION -> ORG;
      case LOCATION -> PLACE;
    };
  }

  /**
   * The entity type whose keyword field is {@code field}.
   *
   * @throws IllegalArgumentException when {@code field} is no entity field
   */
  public static EntityType entityType(String field) {
    for (EntityType type : EntityType.values()) {
      if (entityField(type).equals(field)) {
        return type;
      }
    }
    throw new IllegalArgumentException("not an entity field: " + field);
  }

  /** The {@link #ENTITY_FORM} value that says an article resolved {@code form} to {@code name}. */
  public static String entityForm(EntityType type, String form, String name) {
    return entityField(type) + '\t' + form + '\t' + name;
  }

  /** The analyzed field that holds entity names of one type, for full-text matching. */
  public static String entityTextField(EntityType type) {
    return entityField(type) + TEXT_SUFFIX;
  }

  /** Every exact keyword field that carries sorted-set doc values, i.e. that can be faceted. */
  public static List<String> keywordFields() {
    return List.of(
        SOURCE,
        LANGUAGE,
        AUTHOR,
        PERSON,
        ORG,
        PLACE,
        CodeScheme.TOPICS.field(),
        CodeScheme.PLACES.field(),
        CodeScheme.PEOPLE.field(),
        CodeScheme.ORGS.field(),
        CodeScheme.EXCHANGES.field());
  }

  /**
   * The analyzer for indexing and querying every analyzed field: English stemming for {@link
   * #TITLE} and {@link #BODY}, another language's analyzer for their {@link #analysisKey};
   * lower-cased standard tokens without stop-word removal for the exact and entity text fields.
   * Thread-safe; build it once and share it.
   */
  public static Analyzer analyzer() {
    return new ArticleAnalyzer(
        perField(new StandardAnalyzer(CharArraySet.EMPTY_SET), new EnglishAnalyzer()));
  }

  /**
   * The analyzer for parsing user queries: {@link #analyzer()}, except that the entity text fields
   * drop English stop words. Names are indexed with their stop words ("Bank of England"), but a
   * query word such as "of" must not become a clause that only entity names can satisfy; the
   * dropped word leaves a position gap, so the phrase "bank of england" still matches the name.
   * Thread-safe; build it once and share it.
   */
  public static Analyzer queryAnalyzer() {
    return queryAnalyzer(TextLanguages.DEFAULT);
  }

  /**
   * The analyzer for parsing user queries run against articles in {@code language}, one of {@link
   * TextLanguages#analyzed()}: {@link #queryAnalyzer()} with that language's analyzer for {@link
   * #TITLE} and {@link #BODY}. Thread-safe; build it once and share it.
   */
  public static Analyzer queryAnalyzer(String language) {
    Analyzer text =
        language.equals(TextLanguages.DEFAULT)
            ? new EnglishAnalyzer()
            : TextLanguages.textAnalyzer(language);
    return perField(new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), text);
  }

  /**
   * The name under which {@link #analyzer()} analyzes {@code field}, {@link #TITLE} or {@link
   * #BODY}, of an article in {@code language}: the field itself for English, else the field and the
   * language, e.g. {@code body.fa}. Such a name only chooses an analyzer; it is never indexed.
   */
  public static String analysisKey(String field, String language) {
    String analyzed = TextLanguages.analysisLanguage(language);
    return analyzed.equals(TextLanguages.DEFAULT) ? field : field + '.' + analyzed;
  }

  /**
   * The analyzer of the unstemmed fields ({@link #TITLE_EXACT}, {@link #BODY_EXACT}): lower-cased
   * standard tokens, stop words kept. Thread-safe.
   */
  public static Analyzer exactAnalyzer() {
    return new StandardAnalyzer(CharArraySet.EMPTY_SET);
  }

  private static Analyzer perField(Analyzer names, Analyzer text) {
    Analyzer exact = exactAnalyzer();
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(TITLE, text);
    perField.put(BODY, text);
    perField.put(TITLE_EXACT, exact);
    perField.put(BODY_EXACT, exact);
    for (EntityType type : EntityType.values()) {
      perField.put(entityTextField(type), names);
    }
    return new PerFieldAnalyzerWrapper(exact, perField);
  }

  /**
   * The per-field analyzer, and for an {@link #analysisKey} of another language that language's
   * analyzer, built when first asked for. Thread-safe.
   */
  private static final class ArticleAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer fields;
    private final Map<String, Analyzer> languages = new ConcurrentHashMap<>();

    ArticleAnalyzer(Analyzer fields) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.fields = fields;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      int dot = fieldName.indexOf('.');
      if (dot < 0) {
        return fields;
      }
      return languages.computeIfAbsent(fieldName.substring(dot + 1), TextLanguages::textAnalyzer);
    }
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static FieldType wordsOnly() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }
}
