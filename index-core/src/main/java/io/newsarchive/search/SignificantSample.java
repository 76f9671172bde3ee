package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Finds what is unusual in the best matches of a query on the local index, as {@link Significance}
 * defines it: reads the stored body and entities of the sample, re-analyzes the body with the index
 * analyzer, and takes background counts from the index's document frequencies. The cost is bounded
 * by the sample, at most {@link SearchParameters#MAX_SAMPLE} articles, besides counting the
 * matches. Thread-safe: the analyzer is, and every call keeps its counts to itself.
 */
final class SignificantSample {

  private final Analyzer analyzer = ArticleFields.analyzer();
  private final QueryBuilder phraseQueries = new QueryBuilder(analyzer);

  /**
   * The {@code size} most unusual words, two-word phrases and names of each type among the best
   * {@code sample} matches of {@code query}, found with {@code searcher} (which may carry a time
   * limit) over the same index version as {@code archive}, names under their canonical form in
   * {@code archive}'s version.
   */
  SignificantTerms find(IndexSearcher searcher, Query query, Limits limits, ArchiveSearcher archive)
      throws IOException {
    ArchiveEntityNames names = archive.names();
    TopDocs top =
        searcher.search(
            query, new TopScoreDocCollectorManager(limits.sample(), null, Integer.MAX_VALUE));
    Counts counts = new Counts();
    SampleText text = new SampleText(analyzer);
    StoredFields stored = searcher.storedFields();
    // Read in document order, in which each segment's doc values serve all its articles; counted
    // in the order of relevance, in which the first of copies counts.
    ScoreDoc[] inDocOrder = top.scoreDocs.clone();
    Arrays.sort(inDocOrder, Comparator.comparingInt(hit -> hit.doc));
    ArticleDocuments.Reading reading =
        ArticleDocuments.pageReading(searcher.getIndexReader(), archive.keptNames(), names);
    Map<Integer, Article> read = new HashMap<>();
    for (ScoreDoc hit : inDocOrder) {
      read.put(hit.doc, reading.article(stored.document(hit.doc), hit.doc));
    }
    for (ScoreDoc hit : top.scoreDocs) {
      Article article = read.get(hit.doc);
      counts.articles++;
      boolean copy = text.add(article.body());
      if (!copy) {
        counts.addEntities(article.entities());
      }
    }
    IndexReader reader = searcher.getIndexReader();
    Map<EntityType, List<SignificantTerm>> entities = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      List<SignificantTerm> scored = entities(searcher, counts, names, type);
      entities.put(type, Significance.top(scored, limits.size()));
    }
    List<SignificantTerm> phrases =
        text.phrases(limits.size(), candidates -> phraseBackground(searcher, candidates));
    return new SignificantTerms(
        Significance.top(words(reader, text), limits.size()),
        phrases,
        entities,
        top.scoreDocs.length,
        top.totalHits.value());
  }

  /**
   * How many terms to return per list and how many of the best matches to read.
   *
   * @param size terms per list
   * @param sample best matches read
   */
  record Limits(int size, int sample) {}

  private static List<SignificantTerm> entities(
      IndexSearcher searcher, Counts counts, ArchiveEntityNames names, EntityType type)
      throws IOException {
    List<SignificantTerm> scored = new ArrayList<>();
    String field = ArticleFields.entityField(type);
    Significance.Sizes sizes =
        new Significance.Sizes(counts.articles, searcher.getIndexReader().numDocs());
    for (Map.Entry<String, Integer> name : counts.entities.get(type).entrySet()) {
      if (name.getValue() >= Significance.MIN_FOREGROUND) {
        List<BytesRef> variants =
            names.filterValues(type, name.getKey()).stream().map(BytesRef::new).toList();
        long background = searcher.count(new TermInSetQuery(field, variants));
        scored.add(sizes.scored(name.getKey(), name.getValue(), background));
      }
    }
    return scored;
  }

  /** The words of {@code text} held often enough, scored against the archive of {@code reader}. */
  private static List<SignificantTerm> words(IndexReader reader, SampleText text)
      throws IOException {
    Significance.Sizes sizes = new Significance.Sizes(text.articles(), reader.numDocs());
    List<SignificantTerm> terms = new ArrayList<>();
    for (Map.Entry<String, Integer> word : text.words().entrySet()) {
      if (word.getValue() >= Significance.MIN_FOREGROUND) {
        long background = reader.docFreq(new Term(Significance.TEXT_FIELD, word.getKey()));
        terms.add(sizes.scored(word.getKey(), word.getValue(), background));
      }
    }
    return terms;
  }

  /** The number of archive articles whose body holds each of {@code phrases}. */
  private SampleText.Background phraseBackground(IndexSearcher searcher, List<String> phrases)
      throws IOException {
    Map<String, Long> counts = new HashMap<>();
    for (String phrase : phrases) {
      Query query = phraseQueries.createPhraseQuery(Significance.PHRASE_FIELD, phrase);
      counts.put(phrase, query == null ? 0L : searcher.count(query));
    }
    return new SampleText.Background(searcher.getIndexReader().numDocs(), counts);
  }

  /** The names of one sample and their foreground counts. Used by one thread. */
  private static final class Counts {
    final Map<EntityType, Map<String, Integer>> entities = new EnumMap<>(EntityType.class);
    int articles;

    Counts() {
      for (EntityType type : EntityType.values()) {
        entities.put(type, new HashMap<>());
      }
    }

    /** Counts each canonical name of one article once. */
    void addEntities(List<Entity> held) {
      Set<String> counted = new HashSet<>();
      for (Entity entity : held) {
        if (counted.add(entity.type() + "\t" + entity.name())) {
          entities.get(entity.type()).merge(entity.name(), 1, Integer::sum);
        }
      }
    }
  }
}
