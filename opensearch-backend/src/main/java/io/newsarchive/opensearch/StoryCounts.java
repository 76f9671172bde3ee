package io.newsarchive.opensearch;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.Hit;
import io.newsarchive.search.StoryCollapse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The story counts of a search on OpenSearch, as the local index gives them: how many articles of
 * the archive each hit's story holds, and with {@code collapse=story} how many matching copies a
 * hit stands for, from which sources, and how many distinct stories the matches make. The counts of
 * a page's stories take one request, their terms aggregations exact because they include only the
 * page's stories; the number of stories is counted exactly by paging a composite aggregation on
 * {@link ArticleFields#STORY}, {@value #STORIES_PER_REQUEST} stories per request, so that it costs
 * one request per {@value #STORIES_PER_REQUEST} distinct stories of the matches (a cardinality
 * aggregation would cost one, but is an estimate). Thread-safe: the client is.
 */
final class StoryCounts {

  /** Distinct stories read per request of the count of stories. */
  static final int STORIES_PER_REQUEST = 10_000;

  private static final String ARCHIVE = "archive";
  private static final String MATCHING = "matching";
  private static final String STORIES = "stories";
  private static final String SOURCES = "sources";

  private final OpenSearchClient client;
  private final String index;

  StoryCounts(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * {@code hits}, each with the number of articles of its story; with {@code matching}, each also
   * with the copies of its story that {@code matching} matches and up to {@link
   * StoryCollapse#SOURCES} of their sources, those of the most copies first.
   */
  @SuppressWarnings("rawtypes")
  List<Hit> withStories(List<Hit> hits, Optional<Query> matching) throws IOException {
    if (hits.isEmpty()) {
      return hits;
    }
    List<String> stories = List.copyOf(new LinkedHashSet<>(hits.stream().map(Hit::story).toList()));
    List<FieldValue> values = stories.stream().map(FieldValue::of).toList();
    Map<String, Aggregation> aggregations = new HashMap<>();
    aggregations.put(ARCHIVE, perStory(stories, Map.of()));
    matching.ifPresent(query -> aggregations.put(MATCHING, copies(query, stories)));
    SearchResponse<Map> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .query(
                        q -> q.terms(t -> t.field(ArticleFields.STORY).terms(v -> v.value(values))))
                    .aggregations(aggregations),
            Map.class);
    Map<String, StringTermsBucket> archive = buckets(response.aggregations().get(ARCHIVE));
    Map<String, StringTermsBucket> copies =
        matching.isEmpty()
            ? Map.of()
            : buckets(response.aggregations().get(MATCHING).filter().aggregations().get(STORIES));
    List<Hit> counted = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      StringTermsBucket held = archive.get(hit.story());
      Hit withStory = hit.withStory(hit.story(), held == null ? 1 : held.docCount());
      if (matching.isPresent()) {
        StringTermsBucket of = copies.get(hit.story());
        List<String> sources = new ArrayList<>();
        if (of != null) {
          for (StringTermsBucket source :
              of.aggregations().get(SOURCES).sterms().buckets().array()) {
            sources.add(source.key());
          }
        }
        withStory = withStory.withCopies(of == null ? 1 : of.docCount(), sources);
      }
      counted.add(withStory);
    }
    return counted;
  }

  /**
   * The number of distinct stories of the articles {@code matching} matches, counted exactly.
   *
   * @throws IOException when the cluster cannot answer, or a request ran longer than {@code budget}
   */
  long stories(Query matching, Duration budget) throws IOException {
    long count = 0;
    Map<String, FieldValue> after = Map.of();
    while (true) {
      Map<String, FieldValue> from = after;
      SearchResponse<Void> response =
          client.search(
              s ->
                  s.index(index)
                      .size(0)
                      .query(matching)
                      .timeout(budget.toMillis() + "ms")
                      .aggregations(
                          STORIES,
                          a ->
                              a.composite(c -> {
                                c.size(STORIES_PER_REQUEST)
                                    .sources(
                                        List.of(
                                            Map.of(
                                                STORIES,
                                                org.opensearch.client.opensearch._types.aggregations
                                                    .CompositeAggregationSource.of(cs ->
                                                        cs.terms(
                                                            t -> t.field(ArticleFields.STORY))))));
                                if (!from.isEmpty()) {
                                  c.after(from);
                                }
                                return c;
                              })),
              Void.class);
      CompositeAggregate page = response.aggregations().get(STORIES).composite();
      count += page.buckets().array().size();
      if (page.buckets().array().size() < STORIES_PER_REQUEST || page.afterKey() == null) {
        return count;
      }
      after = page.afterKey();
    }
  }

  /**
   * The matches of {@code query} among the articles of {@code stories}, per story, with the sources
   * holding the most of them, ties by name.
   */
  private static Aggregation copies(Query query, List<String> stories) {
    Aggregation sources =
        Aggregation.of(s ->
            s.terms(t ->
                t.field(ArticleFields.SOURCE)
                    .size(StoryCollapse.SOURCES)
                    .shardSize(Integer.MAX_VALUE)
                    .order(
                        List.of(Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc)))));
    return Aggregation.of(
        a -> a.filter(query).aggregations(STORIES, perStory(stories, Map.of(SOURCES, sources))));
  }

  /** The terms of {@code stories}, each a bucket, with {@code sub} aggregations. */
  private static Aggregation perStory(List<String> stories, Map<String, Aggregation> sub) {
    return Aggregation.of(a ->
        a.terms(t ->
                t.field(ArticleFields.STORY)
                    .include(i -> i.terms(stories))
                    .size(stories.size())
                    .shardSize(stories.size()))
            .aggregations(sub));
  }

  private static Map<String, StringTermsBucket> buckets(Aggregate terms) {
    Map<String, StringTermsBucket> buckets = new HashMap<>();
    for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
      buckets.put(bucket.key(), bucket);
    }
    return buckets;
  }
}
