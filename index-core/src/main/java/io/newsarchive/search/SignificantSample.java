package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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

/**
 * Finds what is unusual in the best matches of a query on the local index, as {@link Significance}
 * defines it: reads the stored body and entities of the sample, re-analyzes the body with the index
 * analyzer, and takes background counts from the index's document frequencies. The cost is bounded
 * by the sample, at most {@link SearchParameters#MAX_SAMPLE} articles, besides counting the
 * matches. Thread-safe: the analyzer is, and every call keeps its counts to itself.
 */
final class SignificantSample {

  /** Share of an article's words, already seen in the sample, that makes it a copy. */
  private static final double COPY_SHARE = 0.5;

  private final Analyzer analyzer = ArticleFields.analyzer();

  /**
   * The {@code size} most unusual words and names of each type among the best {@code sample}
   * matches of {@code query}, found with {@code searcher} (which may carry a time limit), names
   * under their canonical form in {@code names}.
   */
  SignificantTerms find(
      IndexSearcher searcher, Query query, Limits limits, ArchiveEntityNames names)
      throws IOException {
    TopDocs top =
        searcher.search(
            query, new TopScoreDocCollectorManager(limits.sample(), null, Integer.MAX_VALUE));
    Counts counts = new Counts();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      Article article = ArticleDocuments.toArticle(stored.document(hit.doc));
      boolean copy = counts.addText(words(article.body()));
      if (!copy) {
        counts.addEntities(names.canonical(article).entities());
      }
    }
    IndexReader reader = searcher.getIndexReader();
    Significance.Sizes sizes = new Significance.Sizes(top.scoreDocs.length, reader.numDocs());
    List<SignificantTerm> terms = new ArrayList<>();
    for (Map.Entry<String, Integer> word : counts.words.entrySet()) {
      if (word.getValue() >= Significance.MIN_FOREGROUND) {
        long background = reader.docFreq(new Term(Significance.TEXT_FIELD, word.getKey()));
        terms.add(sizes.scored(word.getKey(), word.getValue(), background));
      }
    }
    Map<EntityType, List<SignificantTerm>> entities = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      List<SignificantTerm> scored = entities(searcher, counts, names, type);
      entities.put(type, Significance.top(scored, limits.size()));
    }
    return new SignificantTerms(
        Significance.top(terms, limits.size()),
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

  /** The words of {@code text} as the index holds them in {@link Significance#TEXT_FIELD}. */
  private List<String> words(String text) throws IOException {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(Significance.TEXT_FIELD, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    }
    return words;
  }

  /** The foreground counts of one sample, and the word runs seen so far. Used by one thread. */
  private static final class Counts {
    final Map<String, Integer> words = new HashMap<>();
    final Map<EntityType, Map<String, Integer>> entities = new EnumMap<>(EntityType.class);
    int articles;
    private final Set<Long> seenRuns = new HashSet<>();

    Counts() {
      for (EntityType type : EntityType.values()) {
        entities.put(type, new HashMap<>());
      }
    }

    /**
     * Counts the candidate words of one article that lie outside every run of {@link
     * Significance#SHINGLE} words an earlier article of the sample held; whether at least {@link
     * #COPY_SHARE} of its words lay inside such runs, which makes it a copy.
     */
    boolean addText(List<String> text) {
      articles++;
      boolean[] seen = new boolean[text.size()];
      List<Long> runs = new ArrayList<>();
      for (int start = 0; start + Significance.SHINGLE <= text.size(); start++) {
        long run = run(text, start);
        runs.add(run);
        if (seenRuns.contains(run)) {
          Arrays.fill(seen, start, start + Significance.SHINGLE, true);
        }
      }
      seenRuns.addAll(runs);
      Set<String> fresh = new HashSet<>();
      int repeated = 0;
      for (int i = 0; i < seen.length; i++) {
        if (seen[i]) {
          repeated++;
        } else if (Significance.isCandidate(text.get(i))) {
          fresh.add(text.get(i));
        }
      }
      fresh.forEach(word -> words.merge(word, 1, Integer::sum));
      return !text.isEmpty() && repeated >= COPY_SHARE * text.size();
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

    private static long run(List<String> text, int start) {
      long hash = 1125899906842597L;
      for (int i = start; i < start + Significance.SHINGLE; i++) {
        hash = 31 * hash + text.get(i).hashCode();
        hash ^= hash >>> 29;
      }
      return hash;
    }
  }
}
