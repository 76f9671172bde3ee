package io.newsarchive.schema;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.article.Sha256;
import io.newsarchive.story.StoryMatcher;
import io.newsarchive.story.StorySignature;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StoredValue;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/** Converts an {@link Article} to a Lucene {@link Document} and back. Stateless and thread-safe. */
public final class ArticleDocuments {

  /**
   * The fields an article is rebuilt from without a stored copy, read from their doc values: the
   * publication time and the entities' names.
   */
  private static final Set<String> READ_FROM_DOC_VALUES =
      Stream.concat(
              Stream.of(ArticleFields.PUBLISHED),
              Arrays.stream(EntityType.values()).map(ArticleFields::entityField))
          .collect(Collectors.toUnmodifiableSet());

  /** The entity types by ordinal, as the stored entities number them. */
  private static final EntityType[] ENTITY_TYPES = EntityType.values();

  /** What {@link #published(LeafReader, int)} returns for an article without a date. */
  public static final long NOT_PUBLISHED = Long.MIN_VALUE;

  private ArticleDocuments() {}

  /** The document that indexes {@code article} under the fields of {@link ArticleFields}. */
  public static Document toDocument(Article article) {
    Document doc = new Document();
    doc.add(new KeywordField(ArticleFields.ID, article.id(), Field.Store.YES));
    doc.add(new KeywordField(ArticleFields.SOURCE, article.source(), Field.Store.YES));
    addStored(doc, ArticleFields.SOURCE_ID, article.sourceId());
    addStored(doc, ArticleFields.URL, article.url());
    doc.add(analyzedText(ArticleFields.TITLE, article.title(), article.language()));
    doc.add(new Field(ArticleFields.TITLE_EXACT, article.title(), ArticleFields.WORDS_ONLY));
    doc.add(analyzedText(ArticleFields.BODY, article.body(), article.language()));
    doc.add(new Field(ArticleFields.BODY_EXACT, article.body(), ArticleFields.WORDS_ONLY));
    if (article.published() != null) {
      doc.add(
          new LongField(
              ArticleFields.PUBLISHED, article.published().toEpochMilli(), Field.Store.NO));
    }
    addStored(doc, ArticleFields.PUBLISHED_TEXT, article.publishedText());
    if (!article.language().isEmpty()) {
      doc.add(new KeywordField(ArticleFields.LANGUAGE, article.language(), Field.Store.YES));
    }
    for (String author : article.authors()) {
      doc.add(new KeywordField(ArticleFields.AUTHOR, author, Field.Store.YES));
    }
    for (Entity entity : article.entities()) {
      doc.add(
          new KeywordField(
              ArticleFields.entityField(entity.type()), entity.name(), Field.Store.NO));
      doc.add(
          new TextField(
              ArticleFields.entityTextField(entity.type()), entity.name(), Field.Store.NO));
      for (String form : entity.forms()) {
        doc.add(
            new StringField(
                ArticleFields.ENTITY_FORM,
                ArticleFields.entityForm(entity.type(), form, entity.name()),
                Field.Store.NO));
      }
    }
    if (!article.entities().isEmpty()) {
      doc.add(new StoredField(ArticleFields.ENTITIES, encodeEntities(article.entities())));
    }
    for (CodeScheme scheme : CodeScheme.values()) {
      for (String code : article.codes(scheme)) {
        doc.add(new KeywordField(scheme.field(), code, Field.Store.YES));
      }
    }
    doc.add(new NumericDocValuesField(ArticleFields.CONTENT_HASH, storedFieldsHash(doc)));
    return doc;
  }

  /**
   * The headline or body field of an article in {@code language}: analyzed by the writer's analyzer
   * under the field's {@link ArticleFields#analysisKey}, so that an English article's field is
   * exactly what it was before languages were told apart.
   */
  private static Field analyzedText(String field, String text, String language) {
    String key = ArticleFields.analysisKey(field, language);
    if (key.equals(field)) {
      return new Field(field, text, ArticleFields.TEXT_WITH_OFFSETS);
    }
    return new Field(field, text, ArticleFields.TEXT_WITH_OFFSETS) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return analyzer.tokenStream(key, stringValue());
      }
    };
  }

  /**
   * Adds the story fields to a document made by {@link #toDocument}: the story id, and the band
   * keys by which later articles find this one as their copy. They are added after the content
   * hash, as they follow from the other articles, not from this one. The story is added only when
   * it is not the article's own id, as {@link #story} reads it: most articles found their story.
   */
  public static void addStory(Document doc, String story, Optional<StorySignature> signature) {
    if (!story.equals(doc.get(ArticleFields.ID))) {
      doc.add(new KeywordField(ArticleFields.STORY, story, Field.Store.YES));
    }
    if (signature.isPresent()) {
      for (long key : signature.get().bandKeys()) {
        doc.add(
            new StringField(ArticleFields.STORY_BAND, StoryMatcher.bandTerm(key), Field.Store.NO));
      }
    }
  }

  /**
   * The story id stored in {@code doc}, or its article id when it was stored without one: an
   * article that founds its story does not store it.
   */
  public static String story(Document doc) {
    String story = doc.get(ArticleFields.STORY);
    return story == null ? doc.get(ArticleFields.ID) : story;
  }

  /**
   * The article indexed as document {@code doc} of {@code reader}: its stored fields, and its
   * entities' names from the doc values of the entity fields.
   */
  public static Article article(IndexReader reader, int doc) throws IOException {
    return toArticle(reader.storedFields().document(doc), reader, doc);
  }

  /**
   * The article indexed as document {@code doc} of {@code reader}, whose stored fields {@code
   * stored} holds, all of them loaded; its entities' names are read from the doc values of the
   * entity fields.
   */
  public static Article toArticle(Document stored, IndexReader reader, int doc) throws IOException {
    return reading(reader).article(stored, doc);
  }

  /**
   * A reader of {@code reader}'s articles for one thread, which keeps each segment's doc values
   * from one article to the next: a page's hits read in increasing document order share them.
   */
  public static Reading reading(IndexReader reader) {
    return new Reading(reader, null, null);
  }

  /**
   * A {@link #reading} for the pages of a server, which keeps each entity name it reads in {@code
   * kept}, one {@link KeptNames} per segment of {@code reader} in the order of its leaves, for the
   * pages after it that read through the same: the names a page shows are mostly those earlier
   * pages showed. Reading every article of an archive (an export) would keep every name, so only
   * pages use it.
   *
   * @throws IllegalArgumentException when {@code kept} does not hold one per segment
   */
  public static Reading pageReading(IndexReader reader, List<KeptNames> kept) {
    return new Reading(reader, perSegment(reader, kept), null);
  }

  /**
   * {@link #pageReading(IndexReader, List)}, the articles' entities under the canonical names of
   * {@code renaming}, as {@link Renaming} says. Each name of a segment is renamed once for an
   * archive version, not once for each article that holds it.
   *
   * @throws IllegalArgumentException when {@code kept} does not hold one per segment
   */
  public static Reading pageReading(IndexReader reader, List<KeptNames> kept, Renaming renaming) {
    return new Reading(
        reader, perSegment(reader, kept), Objects.requireNonNull(renaming, "renaming"));
  }

  private static List<KeptNames> perSegment(IndexReader reader, List<KeptNames> kept) {
    if (kept.size() != reader.leaves().size()) {
      throw new IllegalArgumentException(
          kept.size() + " segments' kept names for " + reader.leaves().size() + " segments");
    }
    return kept;
  }

  /**
   * The canonical entity names of one archive version. An article read with them holds its entities
   * under those names; when some name was renamed, those that share a name and type are one,
   * without forms, their mentions added up, most mentioned first ({@link Entity#merged}).
   * Implementations are immutable and thread-safe, one instance per archive version.
   */
  public interface Renaming {
    /** The canonical name of {@code name} of {@code type}, which may be {@code name}. */
    String canonical(EntityType type, String name);
  }

  /**
   * Rebuilds articles of one index version from their stored fields and doc values. A segment's doc
   * values only move forward, so it keeps them while the articles asked for come in increasing
   * document order and opens them again for an earlier one; opening them costs more than reading an
   * article's few values (a sorted set's terms dictionary has buffers of its own). Used by one
   * thread.
   */
  public static final class Reading {
    private final List<LeafReaderContext> leaves;
    private final SegmentValues[] segments;
    private final List<KeptNames> kept;
    private final Renaming renaming;

    /** Keeping names in {@code kept}, one per segment, unless it is null. */
    private Reading(IndexReader reader, List<KeptNames> kept, Renaming renaming) {
      this.leaves = reader.leaves();
      this.segments = new SegmentValues[leaves.size()];
      this.kept = kept;
      this.renaming = renaming;
    }

    /**
     * The article indexed as document {@code doc}, whose stored fields {@code stored} holds, all of
     * them loaded.
     */
    public Article article(Document stored, int doc) throws IOException {
      int leaf = ReaderUtil.subIndex(doc, leaves);
      SegmentValues segment = segments[leaf];
      if (segment == null) {
        LeafReader reader = leaves.get(leaf).reader();
        segment = new SegmentValues(reader, kept == null ? null : kept.get(leaf), renaming);
        segments[leaf] = segment;
      }
      DocumentValues values = new DocumentValues(segment, doc - leaves.get(leaf).docBase);
      long published = values.published();
      Article.Builder builder =
          storedArticle(
              stored, published == NOT_PUBLISHED ? null : Instant.ofEpochMilli(published));
      String entities = stored.get(ArticleFields.ENTITIES);
      if (entities != null) {
        decodeEntities(entities, values, builder);
      }
      return builder.build();
    }
  }

  /** One segment's doc values of the time and the entity names, positioned on the last article. */
  private static final class SegmentValues {
    private final LeafReader reader;
    private final SortedSetDocValues[] names = new SortedSetDocValues[ENTITY_TYPES.length];
    private SortedNumericDocValues published;
    private final KeptNames kept;
    private final Renaming renaming;

    /**
     * The values of {@code reader}, whose names {@code kept} keeps, if not null, renamed by {@code
     * renaming}, if not null.
     */
    SegmentValues(LeafReader reader, KeptNames kept, Renaming renaming) {
      this.reader = reader;
      this.kept = kept;
      this.renaming = renaming;
    }

    long published(int doc) throws IOException {
      if (published == null || published.docID() >= doc) {
        published = DocValues.getSortedNumeric(reader, ArticleFields.PUBLISHED);
      }
      return published.advanceExact(doc) ? published.nextValue() : NOT_PUBLISHED;
    }

    /**
     * Adds the names of {@code type} of document {@code doc} to {@code held}, in byte order, and
     * their canonical names to {@code renamed} when this reading renames.
     */
    void names(EntityType type, int doc, List<String> held, List<String> renamed)
        throws IOException {
      SortedSetDocValues values = names[type.ordinal()];
      if (values == null || values.docID() >= doc) {
        values = DocValues.getSortedSet(reader, ArticleFields.entityField(type));
        names[type.ordinal()] = values;
      }
      if (values.advanceExact(doc)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          long ord = values.nextOrd();
          String name =
              kept == null ? values.lookupOrd(ord).utf8ToString() : kept.name(type, values, ord);
          held.add(name);
          if (renaming != null) {
            renamed.add(
                kept == null
                    ? renaming.canonical(type, name)
                    : kept.renamed(type, values, ord, renaming));
          }
        }
      }
    }
  }

  /**
   * The {@link ArticleFields#PUBLISHED} time of document {@code doc} of {@code reader} in epoch
   * milliseconds, or {@link #NOT_PUBLISHED} when the article has no date.
   */
  public static long published(LeafReader reader, int doc) throws IOException {
    SortedNumericDocValues values = DocValues.getSortedNumeric(reader, ArticleFields.PUBLISHED);
    return values.advanceExact(doc) ? values.nextValue() : NOT_PUBLISHED;
  }

  private static Article.Builder storedArticle(Document doc, Instant published) {
    Article.Builder builder =
        Article.builder()
            .id(doc.get(ArticleFields.ID))
            .source(doc.get(ArticleFields.SOURCE))
            .sourceId(doc.get(ArticleFields.SOURCE_ID))
            .url(doc.get(ArticleFields.URL))
            .title(doc.get(ArticleFields.TITLE))
            .body(doc.get(ArticleFields.BODY))
            .language(doc.get(ArticleFields.LANGUAGE));
    builder.published(published, doc.get(ArticleFields.PUBLISHED_TEXT));
    for (String author : doc.getValues(ArticleFields.AUTHOR)) {
      builder.author(author);
    }
    for (String encoded : doc.getValues(ArticleFields.ENTITY)) {
      builder.entity(decode(encoded));
    }
    for (CodeScheme scheme : CodeScheme.values()) {
      String[] values = doc.getValues(scheme.field());
      if (values.length > 0) {
        builder.codes(scheme, List.of(values));
      }
    }
    return builder;
  }

  /**
   * A digest of everything an article stores. Two articles with the same id and hash index to the
   * same document, so a re-ingest can skip them.
   */
  public static long contentHash(Article article) {
    return contentHash(toDocument(article));
  }

  /** The {@link #contentHash(Article)} of the article that {@code doc} was made from. */
  public static long contentHash(Document doc) {
    return doc.getField(ArticleFields.CONTENT_HASH).numericValue().longValue();
  }

  /**
   * The digest of every stored field of {@code doc} and of the fields read from doc values in place
   * of a stored copy (its publication time and its entities' names), in the order {@link
   * #toDocument} adds them, with the schema version: a stored field added there is part of the hash
   * without further code. Each name and value is written with its length, so no two different
   * documents encode alike. The first 64 bits of SHA-256 are kept: they tell two versions of one
   * article apart with certainty in practice, in a quarter of the space.
   */
  private static long storedFieldsHash(Document doc) {
    MessageDigest digest = Sha256.newDigest();
    try (DataOutputStream out =
        new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      out.writeInt(ArticleFields.SCHEMA_VERSION);
      for (IndexableField field : doc) {
        StoredValue value = field.storedValue();
        if (value != null) {
          out.writeUTF(field.name());
          writeStoredValue(out, value);
        } else if (READ_FROM_DOC_VALUES.contains(field.name())) {
          out.writeUTF(field.name());
          if (field.numericValue() != null) {
            out.writeLong(field.numericValue().longValue());
          } else {
            writeBytes(out, field.stringValue().getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("hashing into memory failed", e);
    }
    return ByteBuffer.wrap(digest.digest()).getLong();
  }

  private static void writeStoredValue(DataOutputStream out, StoredValue value) throws IOException {
    out.writeUTF(value.getType().name());
    switch (value.getType()) {
      case INTEGER -> out.writeInt(value.getIntValue());
      case LONG -> out.writeLong(value.getLongValue());
      case FLOAT -> out.writeFloat(value.getFloatValue());
      case DOUBLE -> out.writeDouble(value.getDoubleValue());
      case STRING -> writeBytes(out, value.getStringValue().getBytes(StandardCharsets.UTF_8));
      case BINARY -> {
        BytesRef bytes = value.getBinaryValue();
        writeBytes(out, Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
      }
      case DATA_INPUT -> throw new IllegalStateException("articles store no data-input fields");
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /**
   * Encodes {@code entities} for the stored {@link ArticleFields#ENTITIES} field: a line per
   * entity, its type's ordinal digit and the rank of its name among the names of that type in byte
   * order (the order of the type's doc values), then {@code TAB mentions} and {@code TAB form} per
   * form.
   */
  static String encodeEntities(List<Entity> entities) {
    Map<EntityType, SortedSet<BytesRef>> names = new EnumMap<>(EntityType.class);
    for (Entity entity : entities) {
      names
          .computeIfAbsent(entity.type(), type -> new TreeSet<>())
          .add(new BytesRef(entity.name()));
    }
    Map<EntityType, List<BytesRef>> ranked = new EnumMap<>(EntityType.class);
    names.forEach((type, sorted) -> ranked.put(type, new ArrayList<>(sorted)));
    StringBuilder out = new StringBuilder();
    for (Entity entity : entities) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      int rank = Collections.binarySearch(ranked.get(entity.type()), new BytesRef(entity.name()));
      out.append(entity.type().ordinal()).append(rank).append('\t').append(entity.mentions());
      for (String form : entity.forms()) {
        out.append('\t').append(form);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@link #encodeEntities} into {@code builder}, the names read through {@code names}: as
   * held, or renamed when {@code names} renames and some name changes ({@link Renaming}).
   */
  static void decodeEntities(String encoded, DocumentValues names, Article.Builder builder)
      throws IOException {
    List<Entity> entities = new ArrayList<>();
    List<Entity> renamed = new ArrayList<>();
    boolean changed = false;
    for (String line : encoded.split("\n")) {
      String[] parts = line.split("\t", -1);
      try {
        EntityType type = ENTITY_TYPES[parts[0].charAt(0) - '0'];
        int rank = Integer.parseInt(parts[0], 1, parts[0].length(), 10);
        String name = names.name(type, rank);
        int mentions = Integer.parseInt(parts[1]);
        String canonical = names.renamed(type, rank);
        if (canonical != null) {
          changed |= !canonical.equals(name);
          renamed.add(new Entity(canonical, type, mentions));
        }
        if (!changed) {
          entities.add(
              new Entity(name, type, mentions, Arrays.asList(parts).subList(2, parts.length)));
        }
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw new IllegalStateException("corrupt stored entity: " + line, e);
      }
    }
    for (Entity entity : changed ? Entity.merged(renamed) : entities) {
      builder.entity(entity);
    }
  }

  /**
   * The values of one document read from doc values: its publication time, and its entity names per
   * type in the byte order of the doc values, read when a type is first asked for, and renamed when
   * its reading renames.
   */
  static final class DocumentValues {
    private final SegmentValues segment;
    private final int doc;
    private final Map<EntityType, List<String>> names = new EnumMap<>(EntityType.class);
    private final Map<EntityType, List<String>> renamed = new EnumMap<>(EntityType.class);

    DocumentValues(SegmentValues segment, int doc) {
      this.segment = segment;
      this.doc = doc;
    }

    long published() throws IOException {
      return segment.published(doc);
    }

    /** The name numbered {@code rank} among the names of {@code type} of the document. */
    String name(EntityType type, int rank) throws IOException {
      List<String> of = names.get(type);
      if (of == null) {
        of = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        segment.names(type, doc, of, canonical);
        names.put(type, of);
        renamed.put(type, canonical);
      }
      if (rank >= of.size()) {
        throw new IllegalStateException(
            "corrupt stored entity: the article has "
                + of.size()
                + " "
                + ArticleFields.entityField(type)
                + " names, the stored entities name number "
                + (rank + 1));
      }
      return of.get(rank);
    }

    /**
     * The canonical name of the name numbered {@code rank} of {@code type}, after {@link #name}
     * read it; null when the reading does not rename.
     */
    String renamed(EntityType type, int rank) {
      List<String> of = renamed.get(type);
      return of == null || of.isEmpty() ? null : of.get(rank);
    }
  }

  /** Decodes a stored {@link ArticleFields#ENTITY} value. */
  static Entity decode(String encoded) {
    String[] parts = encoded.split("\t", -1);
    if (parts.length < 3) {
      throw new IllegalStateException("corrupt stored entity: " + encoded);
    }
    try {
      return new Entity(
          parts[1],
          ArticleFields.entityType(parts[0]),
          Integer.parseInt(parts[2]),
          Arrays.asList(parts).subList(3, parts.length));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("corrupt stored entity: " + encoded, e);
    }
  }

  private static void addStored(Document doc, String field, String value) {
    if (!value.isEmpty()) {
      doc.add(new StoredField(field, value));
    }
  }
}
