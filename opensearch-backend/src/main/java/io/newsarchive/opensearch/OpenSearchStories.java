package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.story.StoryCandidate;
import io.newsarchive.story.StoryMatcher;
import io.newsarchive.story.StorySignature;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Gives the articles that an {@link OpenSearchArticleStore} writes the story of their copies, by
 * the rule of the local index ({@link StoryMatcher}): the candidates of a whole request's articles
 * are read with one search, a terms query on {@link ArticleFields#STORY_BAND} whose aggregation
 * keeps the newest {@link StoryMatcher#CANDIDATES_PER_BAND} holders of each key; the articles of
 * the run that the index does not show yet are held in memory until {@link
 * ArticleIndexer#WRITTEN_PER_READER} of them were written, when the index is refreshed and they are
 * found there. Thread-safe: requests hold {@link #writing()} from the story lookup until their
 * write is answered, so that the run is forgotten only when the index holds all of it.
 */
final class OpenSearchStories {

  private static final String KEYS = "keys";
  private static final String HOLDERS = "holders";
  private static final List<String> CANDIDATE_FIELDS =
      List.of(
          ArticleFields.ID,
          ArticleFields.SOURCE,
          ArticleFields.PUBLISHED,
          ArticleFields.STORY,
          ArticleFields.STORY_SIGNATURE);

  /** Refreshes the index, so that searches see every write answered. */
  interface Refresh {
    void run() throws IOException;
  }

  private final OpenSearchConnection connection;
  private final String index;
  private final Backoff backoff;
  private final StoryMatcher matcher = StoryMatcher.lookingUpEveryKey();
  private final ReentrantReadWriteLock forgetting = new ReentrantReadWriteLock();

  OpenSearchStories(OpenSearchConnection connection, String index, Backoff backoff) {
    this.connection = connection;
    this.index = index;
    this.backoff = backoff;
  }

  /** The lock a request holds from {@link #assign} until its write is answered. */
  Lock writing() {
    return forgetting.readLock();
  }

  /** The text under which {@link ArticleFields#STORY_BAND} holds a band key: 16 hex digits. */
  static String bandKey(long key) {
    String hex = Long.toHexString(key);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * {@code writes}, in order, each with the story fields of its article: its story, band keys and
   * signature.
   */
  List<UpsertPlan.Write> assign(List<UpsertPlan.Write> writes) throws IOException {
    List<Article> articles = new ArrayList<>(writes.size());
    List<Optional<StorySignature>> signatures = new ArrayList<>(writes.size());
    Set<String> keys = new LinkedHashSet<>();
    for (UpsertPlan.Write write : writes) {
      Article article = ArticleSource.toArticle(write.source());
      Optional<StorySignature> signature = StorySignature.of(article.title(), article.body());
      articles.add(article);
      signatures.add(signature);
      signature.ifPresent(s -> {
        for (long key : s.bandKeys()) {
          keys.add(bandKey(key));
        }
      });
    }
    Map<String, List<StoryCandidate>> stored = keys.isEmpty() ? Map.of() : holders(keys);
    List<UpsertPlan.Write> assigned = new ArrayList<>(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      UpsertPlan.Write write = writes.get(i);
      Optional<StorySignature> signature = signatures.get(i);
      String story =
          matcher.story(
              articles.get(i),
              signature,
              (held, found) -> {
                for (long key : held) {
                  for (StoryCandidate candidate : stored.getOrDefault(bandKey(key), List.of())) {
                    found.putIfAbsent(candidate.id(), candidate);
                  }
                }
              });
      Map<String, Object> source = new LinkedHashMap<>(write.source());
      source.put(ArticleFields.STORY, story);
      signature.ifPresent(s -> {
        List<String> bands = new ArrayList<>(StorySignature.BANDS);
        for (long key : s.bandKeys()) {
          bands.add(bandKey(key));
        }
        source.put(ArticleFields.STORY_BAND, bands);
        source.put(ArticleFields.STORY_SIGNATURE, Base64.getEncoder().encodeToString(s.toBytes()));
      });
      assigned.add(new UpsertPlan.Write(write.id(), source, write.replaces()));
    }
    return assigned;
  }

  /**
   * Once the run holds {@link ArticleIndexer#WRITTEN_PER_READER} articles, refreshes the index with
   * {@code refresh}, when no request is between its lookup and its write, and forgets them.
   */
  void forgetRunWhenFull(Refresh refresh) throws IOException {
    if (matcher.runSize() < ArticleIndexer.WRITTEN_PER_READER) {
      return;
    }
    forgetting.writeLock().lock();
    try {
      if (matcher.runSize() >= ArticleIndexer.WRITTEN_PER_READER) {
        refresh.run();
        matcher.forgetRun();
      }
    } finally {
      forgetting.writeLock().unlock();
    }
  }

  /**
   * The stored holders of each of {@code keys}: the newest published, at most the bound per key.
   */
  @SuppressWarnings("rawtypes")
  private Map<String, List<StoryCandidate>> holders(Set<String> keys) throws IOException {
    List<String> terms = List.copyOf(keys);
    OpenSearchClient client = connection.client();
    SearchResponse<Map> response =
        backoff.send(
            "look up the candidate copies of articles",
            connection.nodes(),
            () -> client.search(holdersRequest(terms), Map.class));
    Map<String, List<StoryCandidate>> holders = new HashMap<>();
    Map<String, StoryCandidate> read = new HashMap<>();
    for (StringTermsBucket bucket : response.aggregations().get(KEYS).sterms().buckets().array()) {
      List<StoryCandidate> of = new ArrayList<>();
      for (Hit<JsonData> hit : bucket.aggregations().get(HOLDERS).topHits().hits().hits()) {
        of.add(read.computeIfAbsent(hit.id(), id -> candidate(hit.source())));
      }
      holders.put(bucket.key(), of);
    }
    return holders;
  }

  /**
   * The search for the holders of the band keys {@code terms}: a terms aggregation with only those
   * keys, one bucket each, keeping the newest published {@link StoryMatcher#CANDIDATES_PER_BAND}
   * holders of each with their candidate fields.
   */
  private SearchRequest holdersRequest(List<String> terms) {
    List<FieldValue> values = terms.stream().map(FieldValue::of).toList();
    Aggregation newest =
        Aggregation.of(h ->
            h.topHits(top ->
                top.size(StoryMatcher.CANDIDATES_PER_BAND)
                    .sort(o -> o.field(f -> f.field(ArticleFields.PUBLISHED).order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ArticleFields.ID).order(SortOrder.Desc)))
                    .source(src -> src.filter(f -> f.includes(CANDIDATE_FIELDS)))));
    return SearchRequest.of(s ->
        s.index(index)
            .size(0)
            .query(q -> q.terms(t -> t.field(ArticleFields.STORY_BAND).terms(v -> v.value(values))))
            .aggregations(
                KEYS,
                a ->
                    a.terms(t ->
                            t.field(ArticleFields.STORY_BAND)
                                .include(i -> i.terms(terms))
                                .size(terms.size())
                                .shardSize(terms.size()))
                        .aggregations(HOLDERS, newest)));
  }

  /** The candidate stored as {@code stored}, a {@code _source} with the candidate fields. */
  private static StoryCandidate candidate(JsonData stored) {
    JsonObject source = stored.toJson().asJsonObject();
    String id = source.getString(ArticleFields.ID);
    JsonNumber published = source.getJsonNumber(ArticleFields.PUBLISHED);
    byte[] signature = Base64.getDecoder().decode(source.getString(ArticleFields.STORY_SIGNATURE));
    return new StoryCandidate(
        id,
        source.getString(ArticleFields.SOURCE),
        published == null ? StoryCandidate.UNKNOWN : published.longValue(),
        source.getString(ArticleFields.STORY, id),
        StorySignature.fromBytes(signature, 0, signature.length));
  }
}
