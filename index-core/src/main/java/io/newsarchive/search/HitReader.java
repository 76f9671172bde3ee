package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Turns matching documents into {@link Hit}s: stored fields plus snippets from the unified
 * highlighter, which reads match offsets straight from the postings of {@code title} and {@code
 * body}. Each field highlights the query terms on that field only: unqualified words always query
 * both, and looking up the entity fields' unstemmed terms in stemmed postings would cost a seek per
 * document for nothing. Articles that another backend found are highlighted alike from their own
 * text ({@link #hit(Article, float, Query)}). Thread-safe: the analyzer and formatter are shared, a
 * highlighter is built per call.
 */
public final class HitReader {

  /** Body passages per snippet. */
  private static final int BODY_PASSAGES = 2;

  private static final String[] FIELDS = {ArticleFields.TITLE, ArticleFields.BODY};

  private static final PassageScorer SCORER = new SnippetScorer();

  private final Analyzer analyzer;
  private final PassageFormatter formatter =
      new DefaultPassageFormatter(
          Snippet.MARK_OPEN, Snippet.MARK_CLOSE, Snippet.PASSAGE_SEPARATOR, true);

  /** Highlights with {@code indexAnalyzer}, the analyzer of {@link ArticleFields#analyzer()}. */
  public HitReader(Analyzer indexAnalyzer) {
    this.analyzer = indexAnalyzer;
  }

  /**
   * The hit of {@code article}, which another backend found for {@code query} (the parsed text
   * query) with {@code score}: its snippets are those a local search marks, highlighted from an
   * index of the article alone, analyzed for its language, since the passage scores depend on the
   * article's own text only.
   */
  public Hit hit(Article article, float score, Query query) throws IOException {
    MemoryIndex single = new MemoryIndex(true);
    // Each field analyzed for the article's language, as the local index analyzes it.
    for (String field : FIELDS) {
      String text = field.equals(ArticleFields.TITLE) ? article.title() : article.body();
      String key = ArticleFields.analysisKey(field, article.language());
      single.addField(field, analyzer.tokenStream(key, text));
    }
    IndexSearcher searcher = single.createSearcher();
    // Rewritten as a local search rewrites it, fuzzy and wildcard terms mark the words they expand
    // to, here those of the article.
    Query rewritten = searcher.rewrite(Ranking.withoutProximity(query));
    Map<String, String[]> snippets =
        highlighter(searcher, Map.of(0, article))
            .highlightFields(FIELDS, rewritten, new int[] {0}, new int[] {1, BODY_PASSAGES});
    return Hit.of(
        article,
        score,
        Snippet.of(snippets.get(ArticleFields.TITLE)[0], article.title()),
        Snippet.of(snippets.get(ArticleFields.BODY)[0], article.body()));
  }

  /**
   * The hits for {@code docs}, in order, with snippets for the text terms of {@code query} and
   * their entities under their canonical names; give it the rewritten query so that fuzzy and
   * wildcard terms are not expanded a second time.
   */
  List<Hit> read(ArchiveSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
    return read(searcher, query, docs, new StoredDocuments(searcher.getIndexReader()));
  }

  /** The same, reading the articles through {@code documents}, which may hold some already. */
  List<Hit> read(ArchiveSearcher searcher, Query query, ScoreDoc[] docs, StoredDocuments documents)
      throws IOException {
    if (docs.length == 0) {
      return List.of();
    }
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    // Read in document order, in which each segment's doc values serve all its hits.
    int[] inDocOrder = ids.clone();
    Arrays.sort(inDocOrder);
    ArticleDocuments.Reading reading =
        ArticleDocuments.pageReading(
            searcher.getIndexReader(), searcher.keptNames(), searcher.names());
    Map<Integer, Article> articles = new HashMap<>();
    for (int id : inDocOrder) {
      articles.put(id, reading.article(documents.document(id), id));
    }
    String[] stories = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      stories[i] = ArticleDocuments.story(documents.document(ids[i])); // read once, kept
    }
    Map<String, String[]> snippets =
        highlighter(searcher, articles)
            .highlightFields(
                FIELDS, Ranking.withoutProximity(query), ids, new int[] {1, BODY_PASSAGES});
    long[] storySizes = storyArticles(searcher.getIndexReader(), stories);
    List<Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Article article = articles.get(ids[i]);
      hits.add(
          Hit.of(
                  article,
                  docs[i].score,
                  Snippet.of(snippets.get(ArticleFields.TITLE)[i], article.title()),
                  Snippet.of(snippets.get(ArticleFields.BODY)[i], article.body()))
              .withStory(stories[i], storySizes[i]));
    }
    return hits;
  }

  /** The live articles of {@code story}, at least 1. */
  static long storyArticles(IndexSearcher searcher, String story) throws IOException {
    return storyArticles(searcher.getIndexReader(), new String[] {story})[0];
  }

  /**
   * The live articles of each of {@code stories}, at least 1 each: the live articles that index
   * each story's term (its copies), read from each segment's terms once for the whole page, and its
   * founder, the live article with its id and no story term, looked up only for a story with
   * copies, as a story without them has just the one article. A search per story would build a
   * weight and look the term up in every segment for each.
   */
  private static long[] storyArticles(IndexReader reader, String[] stories) throws IOException {
    long[] counts = new long[stories.length];
    BytesRef[] terms = new BytesRef[stories.length];
    for (int i = 0; i < stories.length; i++) {
      terms[i] = new BytesRef(stories[i]);
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms field = leaf.reader().terms(ArticleFields.STORY);
      if (field == null) {
        continue;
      }
      TermsEnum lookup = field.iterator();
      for (int i = 0; i < terms.length; i++) {
        if (lookup.seekExact(terms[i])) {
          counts[i] += live(lookup, leaf.reader().getLiveDocs());
        }
      }
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = counts[i] == 0 ? 1 : counts[i] + founders(reader, terms[i]);
    }
    return counts;
  }

  /** The live articles of the term {@code lookup} is positioned on. */
  private static long live(TermsEnum lookup, Bits live) throws IOException {
    if (live == null) {
      return lookup.docFreq();
    }
    long count = 0;
    PostingsEnum postings = lookup.postings(null, PostingsEnum.NONE);
    for (int doc = postings.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      count += live.get(doc) ? 1 : 0;
    }
    return count;
  }

  /** 1 when the live article with id {@code story} holds no story term, i.e. founds it; else 0. */
  private static long founders(IndexReader reader, BytesRef story) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms ids = leaf.reader().terms(ArticleFields.ID);
      TermsEnum lookup = ids == null ? null : ids.iterator();
      if (lookup == null || !lookup.seekExact(story)) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      SortedSetDocValues own = DocValues.getSortedSet(leaf.reader(), ArticleFields.STORY);
      PostingsEnum postings = lookup.postings(null, PostingsEnum.NONE);
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if ((live == null || live.get(doc)) && !own.advanceExact(doc)) {
          return 1;
        }
      }
    }
    return 0;
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, Article> articles) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(formatter)
            .withScorer(SCORER)
            .withMaxNoHighlightPassages(1)
            .withWeightMatches(false);
    return new UnifiedHighlighter(builder) {
      @Override
      protected BreakIterator getBreakIterator(String field) {
        if (field.equals(ArticleFields.TITLE)) {
          return new WholeBreakIterator();
        }
        // Splitting at full stops is many times cheaper than the JDK's sentence rules, and
        // passages are cut to a length goal anyway.
        return LengthGoalBreakIterator.createClosestToLength(
            new CustomSeparatorBreakIterator('.'), Snippet.PASSAGE_LENGTH, 0.5f);
      }

      @Override
      protected OffsetSource getOffsetSource(String field) {
        // Both fields are indexed with offsets (ArticleFields.TEXT_WITH_OFFSETS); asking the index
        // would merge the field infos of every segment for each page.
        return OffsetSource.POSTINGS;
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(
          OffsetSource source, UHComponents components) {
        return source == OffsetSource.POSTINGS
            ? new PagePostingsOffsets(components)
            : super.getOffsetStrategy(source, components);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(
          String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        // The articles are already loaded for the hits; reading them again would double the
        // stored-field decompression.
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          Article article = articles.get(doc);
          CharSequence[] row = new CharSequence[fields.length];
          for (int f = 0; f < fields.length; f++) {
            String text = fields[f].equals(ArticleFields.TITLE) ? article.title() : article.body();
            row[f] = text.length() > getMaxLength() ? text.substring(0, getMaxLength()) : text;
          }
          values.add(row);
        }
        return values;
      }
    };
  }

  /**
   * Lucene's default BM25-like passage scoring, without the per-passage hash table that the default
   * allocates: a passage has only a handful of matches, so counting them pairwise is cheaper.
   */
  private static final class SnippetScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
      float score = 0;
      for (int i = 0; i < matches; i++) {
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = terms[j].bytesEquals(terms[i]);
        }
        if (seen) {
          continue;
        }
        int freq = 1;
        for (int j = i + 1; j < matches; j++) {
          if (terms[j].bytesEquals(terms[i])) {
            freq++;
          }
        }
        score += tf(freq, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
      }
      return score * norm(passage.getStartOffset());
    }
  }
}
