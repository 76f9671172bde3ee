package io.newsarchive.opensearch;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The languages with an analyzer of their own that articles of an OpenSearch index are in, as
 * {@link io.newsarchive.search.ArticleQueryParser#forRequest} wants them: one terms aggregation
 * over {@link ArticleFields#LANGUAGE}, read again when the index has changed ({@link IndexState},
 * checked at most once per {@link NewestPublished#FRESHNESS}), as {@link OpenSearchEntityNames}
 * reads the names. Thread-safe: one thread reads while the others wait for its answer.
 */
final class IndexLanguages {

  private static final String LANGUAGES = "languages";
  private static final String OTHERS = "others";

  private final OpenSearchClient client;
  private final String index;
  private Set<String> languages;
  private final IndexState state;
  private String readAt;

  IndexLanguages(OpenSearchClient client, String index, IndexState state) {
    this.client = client;
    this.index = index;
    this.state = state;
  }

  /** The languages of the index as it is now (as of the last check). */
  synchronized Set<String> current() throws IOException {
    String now = state.current();
    if (languages == null || !now.equals(readAt)) {
      languages = read();
      readAt = now;
    }
    return languages;
  }

  /**
   * The analyzed languages the articles hold, and {@link TextLanguages#DEFAULT} when some hold
   * another: every language without an analyzer of its own is read as English, so it stands for
   * them all, as for the local parser.
   */
  private Set<String> read() throws IOException {
    List<String> analyzed = List.copyOf(TextLanguages.analyzed());
    List<FieldValue> values = analyzed.stream().map(FieldValue::of).toList();
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .aggregations(
                        LANGUAGES,
                        a ->
                            a.terms(t ->
                                t.field(ArticleFields.LANGUAGE)
                                    .include(i -> i.terms(analyzed))
                                    .size(analyzed.size())
                                    .shardSize(analyzed.size())))
                    .aggregations(
                        OTHERS,
                        a ->
                            a.filter(f ->
                                f.bool(b ->
                                    b.filter(e -> e.exists(x -> x.field(ArticleFields.LANGUAGE)))
                                        .mustNot(m ->
                                            m.terms(t ->
                                                t.field(ArticleFields.LANGUAGE)
                                                    .terms(v -> v.value(values))))))),
            Void.class);
    OpenSearchResponses.requireAllShards(response.shards());
    Set<String> found = new HashSet<>();
    for (StringTermsBucket bucket :
        response.aggregations().get(LANGUAGES).sterms().buckets().array()) {
      found.add(bucket.key());
    }
    if (response.aggregations().get(OTHERS).filter().docCount() > 0) {
      found.add(TextLanguages.DEFAULT);
    }
    return Set.copyOf(found);
  }
}
