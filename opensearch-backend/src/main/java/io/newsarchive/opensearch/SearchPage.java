package io.newsarchive.opensearch;

import static io.newsarchive.search.SearchParameters.COLLAPSE;
import static io.newsarchive.search.SearchParameters.FACETS;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;
import static io.newsarchive.search.SearchParameters.INTERVAL;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.Collapse;
import io.newsarchive.search.Cursor;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.HitReader;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SortOrder;
import io.newsarchive.search.StoryCollapse;
import io.newsarchive.search.Timeline;
import io.newsarchive.search.WordsMatched;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortMode;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.aggregations.DateHistogramBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * One page of a search on OpenSearch: the request that asks for the page, its exact total, facets
 * and day counts in one round trip, and the {@link SearchResult} read from the answer. Immutable.
 *
 * <p>A cursor continues with {@code search_after} from the last hit's sort values, which end with
 * the unique article id, as the local cursor does; there is no point in time. The local cursor
 * names a position in the order, not an index version: in a date order, an article ingested
 * meanwhile shows up on a later page if it sorts after the position, and none that was there all
 * along is shown twice or skipped; by relevance, new articles change the word statistics and so the
 * scores, here as locally. A point in time would pin a version instead, held on the cluster until
 * it expires or is closed, for a client that may never ask for the next page.
 *
 * @param query the full query: text, filters, recency
 * @param text the parsed text query, whose words the snippets mark
 * @param order the sort
 * @param after the cursor's position, if the page continues one
 * @param offset hits skipped before the page when it has no cursor
 * @param size hits on the page
 */
record SearchPage(
    Query query,
    org.apache.lucene.search.Query text,
    SortOrder order,
    Optional<Cursor.Position> after,
    int offset,
    int size) {

  /** The day counts whose sums make the timeline, as the local index counts per UTC day. */
  private static final String DAYS = "days";

  /** The aggregation that counts canonical names exactly. */
  private static final String EXACT = "exact";

  /** Suffix of the aggregation that counts a facet's folded names. */
  private static final String FOLDED = "~folded";

  private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

  /** The search request of this page over {@code index}, stopped after {@code budget}. */
  org.opensearch.client.opensearch.core.SearchRequest request(
      String index, SearchRequest request, Duration budget, ArchiveEntityNames names) {
    Map<String, Aggregation> aggregations = new HashMap<>();
    for (FacetField facet : request.get(FACETS)) {
      List<String> folded = folded(facet, names);
      aggregations.put(facet.key(), facet(facet, request.get(FACET_SIZE), folded, false));
      if (!folded.isEmpty()) {
        aggregations.put(facet.key() + FOLDED, facet(facet, folded.size(), folded, true));
      }
    }
    aggregations.put(
        DAYS,
        Aggregation.of(a ->
            a.dateHistogram(d ->
                d.field(ArticleFields.PUBLISHED)
                    .calendarInterval(CalendarInterval.Day)
                    .timeZone("UTC")
                    .minDocCount(1))));
    return org.opensearch.client.opensearch.core.SearchRequest.of(s -> {
      s.index(index)
          .query(query)
          .trackTotalHits(t -> t.enabled(true))
          .trackScores(true)
          // Word statistics of the whole index, not of each shard, so that the scores are those of
          // the local index on any number of shards; a one-shard index skips the extra round trip.
          .searchType(SearchType.DfsQueryThenFetch)
          // A shard that runs out of time answers what it found, flagged as timed out, as the local
          // index does; a shard that fails makes the whole search fail (OpenSearchSearch#send).
          .allowPartialSearchResults(true)
          .timeout(budget.toMillis() + "ms")
          // One hit more than the page shows whether a next page exists.
          .size(size + 1)
          .sort(sort())
          .aggregations(aggregations);
      if (request.get(COLLAPSE) == Collapse.STORY) {
        // One hit per story, its best-ranked copy, as locally; the total, facets and timeline
        // still count articles. Stories are paged by offset, as locally.
        s.collapse(c -> c.field(ArticleFields.STORY));
      }
      if (after.isPresent()) {
        Cursor.Position position = after.get();
        FieldValue value =
            order == SortOrder.RELEVANCE
                ? FieldValue.of(((Float) position.value()).doubleValue())
                : FieldValue.of((Long) position.value());
        s.searchAfter(value, FieldValue.of(position.id()));
      } else {
        s.from(offset);
      }
      return s;
    });
  }

  /**
   * The terms of one facet, most frequent first, ties by value. Each shard sends every value it
   * holds among the matches, so that the counts are exact on any number of shards, as the local
   * index counts them.
   */
  private static Aggregation facet(FacetField facet, int size, List<String> folded, boolean only) {
    return Aggregation.of(a ->
        a.terms(t -> {
          t.field(facet.field())
              .size(size)
              .shardSize(Integer.MAX_VALUE)
              .order(
                  List.of(
                      Map.of("_count", org.opensearch.client.opensearch._types.SortOrder.Desc),
                      Map.of("_key", org.opensearch.client.opensearch._types.SortOrder.Asc)));
          if (only) {
            t.include(i -> i.terms(folded));
          } else if (!folded.isEmpty()) {
            t.exclude(e -> e.terms(folded));
          }
          return t;
        }));
  }

  /**
   * The held names of an entity facet that count under a canonical name shared with others or other
   * than their own ({@link io.newsarchive.entities.EntityNames#folded()}): a second terms
   * aggregation counts all of them, the facet's own the rest.
   */
  private static List<String> folded(FacetField facet, ArchiveEntityNames names) {
    for (EntityType type : EntityType.values()) {
      if (FacetField.of(type) == facet) {
        return names.of(type).folded();
      }
    }
    return List.of();
  }

  /** The order of {@link #order}, then the article id, as the local index sorts. */
  private List<SortOptions> sort() {
    SortOptions id =
        SortOptions.of(o ->
            o.field(f ->
                f.field(ArticleFields.ID)
                    .order(org.opensearch.client.opensearch._types.SortOrder.Asc)));
    SortOptions first =
        switch (order) {
          case RELEVANCE ->
              SortOptions.of(o ->
                  o.score(c -> c.order(org.opensearch.client.opensearch._types.SortOrder.Desc)));
          case NEWEST, OLDEST ->
              SortOptions.of(o ->
                  o.field(f ->
                      f.field(ArticleFields.PUBLISHED)
                          .order(
                              order == SortOrder.NEWEST
                                  ? org.opensearch.client.opensearch._types.SortOrder.Desc
                                  : org.opensearch.client.opensearch._types.SortOrder.Asc)
                          .mode(SortMode.Min)
                          // Undated articles last in both orders, as locally.
                          .missing(FieldValue.of("_last"))));
        };
    return List.of(first, id);
  }

  /**
   * The result of this page from {@code response}, its hits' snippets marked by {@code snippets};
   * its time is left at 0 for the caller, who knows when the search began.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  SearchResult result(
      SearchResponse<Map> response,
      SearchRequest request,
      Optional<WordsMatched> match,
      HitReader snippets,
      ArchiveEntityNames names,
      ArchiveEntityNames.ExactCounts exact)
      throws IOException {
    var found = response.hits().hits();
    int shown = Math.min(size, found.size());
    List<Hit> hits = new ArrayList<>(shown);
    for (int i = 0; i < shown; i++) {
      var hit = found.get(i);
      Article article =
          names.canonical(ArticleSource.toArticle((Map<String, Object>) hit.source()));
      // Snippets are marked here, as the local index marks them: OpenSearch's highlighter cuts
      // passages by other rules.
      hits.add(
          snippets
              .hit(article, hit.score() == null ? Float.NaN : hit.score().floatValue(), text)
              .withStory(ArticleSource.story((Map<String, Object>) hit.source()), 1));
    }
    Optional<String> next = Optional.empty();
    if (found.size() > size && shown > 0) {
      next =
          Optional.of(
              request.get(COLLAPSE) == Collapse.STORY
                  ? StoryCollapse.cursor(offset + shown)
                  : Cursor.encode(order, position(found.get(shown - 1).sort())));
    }
    Map<FacetField, List<FacetCount>> facets = new EnumMap<>(FacetField.class);
    for (FacetField facet : request.get(FACETS)) {
      List<FacetCount> counts = counts(response.aggregations().get(facet.key()));
      Aggregate folded = response.aggregations().get(facet.key() + FOLDED);
      if (folded != null) {
        EntityType type = ArticleFields.entityType(facet.field());
        counts = names.top(type, counts, counts(folded), request.get(FACET_SIZE), exact);
      }
      facets.put(facet, counts);
    }
    boolean timedOut = response.timedOut();
    return new SearchResult(
        response.hits().total().value(),
        !timedOut,
        0,
        timedOut,
        hits,
        facets,
        timeline(response.aggregations().get(DAYS), request),
        next,
        Optional.empty(),
        match,
        List.of(),
        false,
        OptionalLong.empty());
  }

  /**
   * A request for the matches of this page that hold any of each canonical name's {@code variants}
   * of an entity {@code type}, one filter per name, over {@code index} within {@code budget}.
   */
  org.opensearch.client.opensearch.core.SearchRequest exactCounts(
      String index, EntityType type, Map<String, List<String>> variants, Duration budget) {
    Map<String, Query> filters = new HashMap<>();
    variants.forEach((canonical, held) ->
        filters.put(
            canonical,
            Query.of(q ->
                q.terms(t ->
                    t.field(ArticleFields.entityField(type))
                        .terms(v -> v.value(held.stream().map(FieldValue::of).toList()))))));
    return org.opensearch.client.opensearch.core.SearchRequest.of(s ->
        s.index(index)
            .query(query)
            .size(0)
            .timeout(budget.toMillis() + "ms")
            .aggregations(EXACT, a -> a.filters(f -> f.filters(b -> b.keyed(filters)))));
  }

  /** The counts an {@link #exactCounts} request asked for, from its {@code response}. */
  static Map<String, Long> exactCounts(SearchResponse<?> response) {
    Map<String, Long> counts = new HashMap<>();
    response
        .aggregations()
        .get(EXACT)
        .filters()
        .buckets()
        .keyed()
        .forEach((canonical, bucket) -> counts.put(canonical, bucket.docCount()));
    return counts;
  }

  private static List<FacetCount> counts(Aggregate terms) {
    List<FacetCount> counts = new ArrayList<>();
    for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
      counts.add(new FacetCount(bucket.key(), bucket.docCount()));
    }
    return counts;
  }

  private Cursor.Position position(List<FieldValue> sortValues) {
    FieldValue value = sortValues.get(0);
    Object typed =
        order == SortOrder.RELEVANCE
            ? (Object) (float) value.doubleValue()
            : (Object) (value.isLong() ? value.longValue() : (long) value.doubleValue());
    return new Cursor.Position(typed, sortValues.get(1).stringValue());
  }

  private static Timeline timeline(Aggregate days, SearchRequest request) {
    List<DateHistogramBucket> buckets = days.dateHistogram().buckets().array();
    long[] epochDays = new long[buckets.size()];
    long[] counts = new long[buckets.size()];
    for (int i = 0; i < buckets.size(); i++) {
      epochDays[i] = Math.floorDiv(buckets.get(i).key(), DAY_MILLIS);
      counts[i] = buckets.get(i).docCount();
    }
    return Timeline.ofDays(epochDays, counts, request.get(INTERVAL));
  }
}
