package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * An index of {@link ArticleDocument}s for the OpenSearch tests, with an explicit mapping: {@code
 * text} is analyzed by {@code letters} (runs of letters, lower-cased), so that which articles hold
 * a word can be counted in Java by {@link #words}; {@code title} by the {@code english} analyzer of
 * analysis-common.
 */
final class TestIndex {

  private TestIndex() {}

  /**
   * Creates the index {@code name} with {@code shards} primary shards of {@code replicas} copies.
   */
  static void create(OpenSearchClient client, String name, int shards, int replicas)
      throws IOException {
    client
        .indices()
        .create(c ->
            c.index(name)
                .settings(s ->
                    s.numberOfShards(shards)
                        .numberOfReplicas(replicas)
                        .analysis(a ->
                            a.analyzer(
                                "letters",
                                an -> an.custom(cu -> cu.tokenizer("letter").filter("lowercase")))))
                .mappings(m ->
                    m.properties("id", p -> p.keyword(k -> k))
                        .properties("title", p -> p.text(t -> t.analyzer("english")))
                        .properties("text", p -> p.text(t -> t.analyzer("letters")))
                        .properties("published", p -> p.date(d -> d))));
  }

  /**
   * Sends the articles in one bulk request, each under its id, and makes them searchable before
   * returning.
   *
   * @throws IllegalStateException when the cluster refuses any of them
   */
  static void add(OpenSearchClient client, String name, List<Article> articles) throws IOException {
    List<BulkOperation> operations = new ArrayList<>();
    for (Article article : articles) {
      ArticleDocument document = ArticleDocument.of(article);
      operations.add(BulkOperation.of(o -> o.index(i -> i.id(document.id()).document(document))));
    }
    BulkResponse response =
        client.bulk(b -> b.index(name).operations(operations).refresh(Refresh.True));
    if (response.errors()) {
      throw new IllegalStateException(
          "bulk request refused: "
              + response.items().stream()
                  .filter(item -> item.error() != null)
                  .map(item -> item.id() + ": " + item.error().reason())
                  .limit(5)
                  .toList());
    }
  }

  /** The search for articles whose {@code text} holds {@code word}, counting every match. */
  static SearchResponse<ArticleDocument> search(OpenSearchClient client, String name, String word)
      throws IOException {
    return client.search(
        s ->
            s.index(name)
                .trackTotalHits(t -> t.enabled(true))
                .size(3)
                .query(q -> q.match(m -> m.field("text").query(v -> v.stringValue(word)))),
        ArticleDocument.class);
  }

  /**
   * The words of {@code text} as the {@code letters} analyzer makes them: maximal runs of letters,
   * each code point lower-cased on its own.
   */
  static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(c -> {
          if (Character.isLetter(c)) {
            word.appendCodePoint(Character.toLowerCase(c));
          } else if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
          }
        });
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** How many of {@code articles} hold {@code word} in their {@code text}. */
  static long holding(List<Article> articles, String word) {
    String wanted = word.toLowerCase(Locale.ROOT);
    return articles.stream()
        .filter(a -> words(ArticleDocument.of(a).text()).contains(wanted))
        .count();
  }
}
