package io.newsarchive.story;

import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A report on the stories of an index, for checking the copy rule by hand: how many stories hold
 * two articles or more, the largest ones, and random pairs of candidate copies (articles that share
 * a band key) whose similarity by the copy rule, with the boilerplate the whole index shows, is
 * just above and just below {@link StoryMatcher#THRESHOLD}, each with the date and start of both
 * texts. Reads a reader that no one writes to; not thread-safe.
 */
public final class StoryReport {

  /** Width of the similarity bands sampled above and below the threshold. */
  private static final double MARGIN = 0.1;

  /** Articles of one band key compared pairwise: a larger key is one big story already. */
  private static final int PAIRS_PER_KEY = 8;

  private static final int LARGEST = 10;
  private static final int EXCERPT = 240;

  private final IndexReader reader;
  private final StoredFields stored;
  private final Map<Integer, StoryCandidate> candidates = new HashMap<>();
  private final Map<Integer, BitSet> boilerplateOf = new HashMap<>();
  private final IndexedCandidates indexed = new IndexedCandidates();

  private StoryReport(IndexReader reader) throws IOException {
    this.reader = reader;
    this.stored = reader.storedFields();
  }

  /**
   * The report on {@code reader}, with {@code sample} pairs on each side drawn with {@code seed}.
   */
  public static String of(IndexReader reader, int sample, long seed) throws IOException {
    StoryReport report = new StoryReport(reader);
    StringBuilder out = new StringBuilder();
    report.groups(out);
    List<Pair> pairs = report.candidatePairs();
    Random random = new Random(seed);
    double threshold = StoryMatcher.THRESHOLD;
    report.sample(out, pairs, new double[] {threshold, threshold + MARGIN}, sample, random);
    report.sample(out, pairs, new double[] {threshold - MARGIN, threshold}, sample, random);
    return out.toString();
  }

  private record Group(String story, int articles) {}

  private record Pair(int first, int second, double similarity) {}

  private void groups(StringBuilder out) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, ArticleFields.STORY);
    List<Group> groups = new ArrayList<>();
    long grouped = 0;
    if (terms != null) {
      TermsEnum termsEnum = terms.iterator();
      IndexSearcher searcher = new IndexSearcher(reader);
      for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
        // The copies hold the story's term; its founder, the article with its id, holds none.
        int articles = termsEnum.docFreq() + searcher.count(founder(term.utf8ToString()));
        if (articles >= 2) {
          groups.add(new Group(term.utf8ToString(), articles));
          grouped += articles;
        }
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%,d articles; %,d stories with 2 or more articles, holding %,d articles%n",
            reader.numDocs(),
            groups.size(),
            grouped));
    groups.sort(Comparator.comparingInt(Group::articles).reversed());
    out.append("largest stories:\n");
    for (Group group : groups.subList(0, Math.min(LARGEST, groups.size()))) {
      out.append(String.format(Locale.ROOT, "  %5d  %s%n", group.articles(), group.story()));
    }
  }

  private static Query founder(String story) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ArticleFields.ID, story)), Occur.MUST)
        .add(new FieldExistsQuery(ArticleFields.STORY), Occur.MUST_NOT)
        .build();
  }

  private List<Pair> candidatePairs() throws IOException {
    Terms terms = MultiTerms.getTerms(reader, ArticleFields.STORY_BAND);
    List<Pair> pairs = new ArrayList<>();
    if (terms == null) {
      return pairs;
    }
    Set<Long> seen = new HashSet<>();
    TermsEnum termsEnum = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
      if (termsEnum.docFreq() < 2) {
        continue;
      }
      postings = termsEnum.postings(postings, PostingsEnum.NONE);
      int[] docs = new int[PAIRS_PER_KEY];
      int count = 0;
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS && count < docs.length;
          doc = postings.nextDoc()) {
        docs[count++] = doc;
      }
      for (int i = 0; i < count; i++) {
        for (int j = i + 1; j < count; j++) {
          if (seen.add(((long) docs[i] << 32) | docs[j])) {
            pairs.add(new Pair(docs[i], docs[j], similarity(docs[i], docs[j])));
          }
        }
      }
    }
    return pairs;
  }

  /** The similarity of the later article of the two to the earlier, as the copy rule sees it. */
  private double similarity(int first, int second) throws IOException {
    StoryCandidate later = candidate(Math.max(first, second));
    BitSet boilerplate = boilerplateOf.get(Math.max(first, second));
    if (boilerplate == null) {
      Map<String, StoryCandidate> candidates = new HashMap<>();
      indexed.find(reader, later.signature().bandKeys(), candidates);
      boilerplate = CopyRule.boilerplate(later, candidates.values());
      boilerplateOf.put(Math.max(first, second), boilerplate);
    }
    return CopyRule.similarity(later, candidate(Math.min(first, second)), boilerplate);
  }

  private StoryCandidate candidate(int doc) throws IOException {
    StoryCandidate candidate = candidates.get(doc);
    if (candidate == null) {
      LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
      candidate = IndexedCandidates.candidate(leaf.reader(), doc - leaf.docBase);
      candidates.put(doc, candidate);
    }
    return candidate;
  }

  private void sample(
      StringBuilder out, List<Pair> pairs, double[] range, int sample, Random random)
      throws IOException {
    List<Pair> inRange = new ArrayList<>();
    for (Pair pair : pairs) {
      if (pair.similarity() >= range[0] && pair.similarity() < range[1]) {
        inRange.add(pair);
      }
    }
    java.util.Collections.shuffle(inRange, random);
    out.append(
        String.format(
            Locale.ROOT,
            "%nsimilarity %.2f to %.2f: %,d candidate pairs, %d shown%n",
            range[0],
            range[1],
            inRange.size(),
            Math.min(sample, inRange.size())));
    for (Pair pair : inRange.subList(0, Math.min(sample, inRange.size()))) {
      out.append(String.format(Locale.ROOT, "%n%.3f%n", pair.similarity()));
      excerpt(out, pair.first());
      excerpt(out, pair.second());
    }
  }

  private void excerpt(StringBuilder out, int doc) throws IOException {
    Document article = stored.document(doc);
    String body = article.get(ArticleFields.BODY).replaceAll("\\s+", " ");
    out.append("  ")
        .append(article.get(ArticleFields.ID))
        .append(' ')
        .append(article.get(ArticleFields.PUBLISHED_TEXT))
        .append(" [")
        .append(ArticleDocuments.story(article))
        .append("] ")
        .append(article.get(ArticleFields.TITLE))
        .append("\n    ")
        .append(body, 0, Math.min(EXCERPT, body.length()))
        .append('\n');
  }
}
