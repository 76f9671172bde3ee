package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import io.newsarchive.search.RelatedQuery;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.PriorityQueue;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.TermvectorsResponse;
import org.opensearch.client.opensearch.core.termvectors.TermVector;

/**
 * The distinctive terms of an article as the local index's more-like-this query picks them
 * (Lucene's {@link MoreLikeThis} with {@link RelatedQuery}'s settings): each term of title and
 * body, counted in the first {@value MoreLikeThis#DEFAULT_MAX_NUM_TOKENS_PARSED} tokens of the
 * field, scored by its count times its classic idf over the articles holding the field, keeping the
 * {@value RelatedQuery#MAX_TERMS} best in the same queue. Document frequencies come from the
 * cluster's term vectors of the article, so with one shard the terms are the local ones; with more,
 * the article's shard's statistics decide. OpenSearch's own more-like-this picks differently (it
 * reads other statistics), which would relate other articles than the local index does.
 * Thread-safe.
 */
final class RelatedTerms {

  /**
   * A term of a field, {@link ArticleFields#TITLE} or {@link ArticleFields#BODY}, as the article's
   * language analyzes it; each language's field of that kind may hold it.
   */
  record Term(String field, String word) {}

  private final Analyzer analyzer = ArticleFields.analyzer();
  private final ClassicSimilarity similarity = new ClassicSimilarity();
  private final OpenSearchClient client;
  private final String index;

  RelatedTerms(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** The distinctive terms of {@code article}, stored under its id, in the local order. */
  List<Term> of(Article article) throws IOException {
    // Maps of the same kind, filled in the same order, iterate as MoreLikeThis's do, so that terms
    // of equal score fill the queue alike.
    Map<String, Map<String, int[]>> perField = new HashMap<>();
    // An article in another language is read by its language's analyzer, from its fields.
    String analyzed = TextLanguages.analysisLanguage(article.language());
    List<String> fields = new ArrayList<>();
    for (String field : RelatedQuery.FIELDS) {
      fields.add(OpenSearchLanguages.field(field, analyzed));
      String text = field.equals(ArticleFields.TITLE) ? article.title() : article.body();
      count(field, ArticleFields.analysisKey(field, article.language()), text, perField);
    }
    TermvectorsResponse statistics =
        client.termvectors(t ->
            t.index(index)
                .id(article.id())
                .fields(fields)
                .termStatistics(true)
                .fieldStatistics(true)
                .positions(false)
                .offsets(false)
                .payloads(false));
    Map<String, TermVector> vectors = statistics.termVectors();
    Queue queue = new Queue(RelatedQuery.MAX_TERMS);
    for (Map.Entry<String, Map<String, int[]>> field : perField.entrySet()) {
      TermVector vector = vectors.get(OpenSearchLanguages.field(field.getKey(), analyzed));
      if (vector == null || vector.fieldStatistics() == null) {
        continue;
      }
      long docCount = vector.fieldStatistics().docCount();
      for (Map.Entry<String, int[]> word : field.getValue().entrySet()) {
        int tf = word.getValue()[0];
        if (tf < RelatedQuery.MIN_TERM_FREQ) {
          continue;
        }
        var term = vector.terms().get(word.getKey());
        long docFreq = term == null || term.docFreq() == null ? 0 : term.docFreq();
        if (docFreq < RelatedQuery.MIN_DOC_FREQ || docFreq == 0) {
          continue;
        }
        float score = tf * similarity.idf(docFreq, docCount);
        Scored scored = new Scored(new Term(field.getKey(), word.getKey()), score);
        if (queue.size() < RelatedQuery.MAX_TERMS) {
          queue.add(scored);
        } else if (queue.top().score() < score) {
          queue.updateTop(scored);
        }
      }
    }
    List<Term> terms = new ArrayList<>();
    for (Scored scored = queue.pop(); scored != null; scored = queue.pop()) {
      terms.add(scored.term());
    }
    return terms;
  }

  /** Counts the terms of {@code text}, analyzed under {@code key}, as those of {@code field}. */
  private void count(
      String field, String key, String text, Map<String, Map<String, int[]>> perField)
      throws IOException {
    Map<String, int[]> counts = perField.computeIfAbsent(field, f -> new HashMap<>());
    int tokens = 0;
    try (TokenStream stream = analyzer.tokenStream(key, new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (++tokens > MoreLikeThis.DEFAULT_MAX_NUM_TOKENS_PARSED) {
          break;
        }
        // get and put, not computeIfAbsent, which grows the map at another moment and so
        // changes the order in which terms of equal score meet the queue.
        String word = term.toString();
        int[] count = counts.get(word);
        if (count == null) {
          counts.put(word, new int[] {1});
        } else {
          count[0]++;
        }
      }
      stream.end();
    }
  }

  private record Scored(Term term, float score) {}

  /** MoreLikeThis's queue: the lowest score on top. */
  private static final class Queue extends PriorityQueue<Scored> {
    Queue(int size) {
      super(size);
    }

    @Override
    protected boolean lessThan(Scored a, Scored b) {
      return a.score() < b.score();
    }
  }
}
