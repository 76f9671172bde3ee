package io.newsarchive.opensearch;

import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The canonical entity names of an OpenSearch index, read as the local index reads its own (every
 * name of each type with the articles holding it, and the short forms articles resolved) through
 * composite aggregations, page by page. They are read again when the index has changed ({@link
 * IndexState}, checked at most once per {@link NewestPublished#FRESHNESS}); a search meanwhile uses
 * the names read last. Thread-safe: one thread reads while the others wait for its answer.
 */
final class OpenSearchEntityNames {

  /** Names read per composite aggregation page. */
  static final int PAGE = 10_000;

  private static final String NAMES = "names";
  private static final String NAME = "name";

  private final OpenSearchClient client;
  private final String index;
  private ArchiveEntityNames names;
  private final IndexState state;
  private String readAt;

  OpenSearchEntityNames(OpenSearchClient client, String index, IndexState state) {
    this.client = client;
    this.index = index;
    this.state = state;
  }

  /** The names of the index as it is now (as of the last check). */
  synchronized ArchiveEntityNames current() throws IOException {
    String now = state.current();
    if (names == null || !now.equals(readAt)) {
      names = read();
      readAt = now;
    }
    return names;
  }

  private ArchiveEntityNames read() throws IOException {
    Map<EntityType, Map<String, Map<String, Long>>> forms = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      forms.put(type, new HashMap<>());
    }
    for (Map.Entry<String, Long> form : counts(ArticleFields.ENTITY_FORM).entrySet()) {
      ArchiveEntityNames.addForm(forms, form.getKey(), form.getValue());
    }
    Map<EntityType, EntityNames> tables = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      tables.put(
          type, EntityNames.of(type, counts(ArticleFields.entityField(type)), forms.get(type)));
    }
    return new ArchiveEntityNames(tables);
  }

  /** Every value of keyword {@code field} and how many articles hold it. */
  private Map<String, Long> counts(String field) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      SearchResponse<Void> response =
          client.search(
              s ->
                  s.index(index)
                      .size(0)
                      .aggregations(
                          NAMES,
                          a ->
                              a.composite(c -> {
                                c.size(PAGE)
                                    .sources(
                                        List.of(
                                            Map.of(
                                                NAME,
                                                CompositeAggregationSource.of(
                                                    cs -> cs.terms(t -> t.field(field))))));
                                if (from != null) {
                                  c.after(from);
                                }
                                return c;
                              })),
              Void.class);
      OpenSearchResponses.requireAllShards(response.shards());
      CompositeAggregate page = response.aggregations().get(NAMES).composite();
      List<CompositeBucket> buckets = page.buckets().array();
      for (CompositeBucket bucket : buckets) {
        counts.put(bucket.key().get(NAME).stringValue(), bucket.docCount());
      }
      if (buckets.size() < PAGE || page.afterKey() == null || page.afterKey().isEmpty()) {
        return counts;
      }
      after = page.afterKey();
    }
  }
}
