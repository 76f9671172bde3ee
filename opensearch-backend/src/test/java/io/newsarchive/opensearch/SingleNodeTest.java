package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.indices.analyze.AnalyzeToken;

/**
 * One real OpenSearch node, started once for the class by {@link OpenSearchCluster}, reached
 * through the official client as the backend will reach it.
 */
class SingleNodeTest {

  private static OpenSearchCluster cluster;
  private static OpenSearchConnection connection;

  @BeforeAll
  static void startNode() throws IOException {
    cluster = OpenSearchCluster.start(1);
    connection = cluster.connect();
  }

  @AfterAll
  static void stopNode() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void nodeIsASingleNodeClusterOnLoopback() throws IOException {
    OpenSearchClient client = connection.client();

    assertThat(client.cluster().health().numberOfNodes()).isEqualTo(1);
    assertThat(client.info().version().number()).isEqualTo("3.9.0");
    assertThat(cluster.httpUri(0).getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void wordCountsMatchTheArticlesHoldingTheWord() throws IOException {
    List<Article> articles = ReutersArticles.first(300);
    OpenSearchClient client = connection.client();
    TestIndex.create(client, "reuters", 1, 0);
    TestIndex.add(client, "reuters", articles);
    cluster.awaitHealth(HealthStatus.Green, Duration.ofSeconds(30));

    for (String word : List.of("oil", "cocoa", "dlrs", "shareholders")) {
      long expected = TestIndex.holding(articles, word);
      SearchResponse<ArticleDocument> response = TestIndex.search(client, "reuters", word);

      assertThat(expected).as(word).isBetween(1L, articles.size() - 1L);
      assertThat(response.hits().total().value()).as(word).isEqualTo(expected);
      assertThat(response.hits().hits())
          .allSatisfy(
              hit -> assertThat(TestIndex.words(hit.source().text())).as(word).contains(word));
    }
    assertThat(client.count(c -> c.index("reuters")).count()).isEqualTo(articles.size());
  }

  @Test
  void englishAnalyzerMakesTheTokensOurIndexAnalyzerMakesOfTheBody() throws IOException {
    // The OpenSearch mapping will index title and body with "english"; it must agree with the
    // local index's analyzer token for token, or the two backends would match different articles.
    Analyzer ours = ArticleFields.analyzer();
    for (Article article : ReutersArticles.first(40)) {
      List<String> theirs =
          connection
              .client()
              .indices()
              .analyze(a -> a.analyzer("english").text(article.body()))
              .tokens()
              .stream()
              .map(AnalyzeToken::token)
              .toList();

      assertThat(theirs).as(article.id()).isEqualTo(tokens(ours, article.body()));
    }
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(ArticleFields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }
}
