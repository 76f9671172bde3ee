package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleStore;
import io.newsarchive.index.ArticlesRefusedException;
import io.newsarchive.index.ArticlesRefusedException.Refusal;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.index.UpsertOutcome;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * The {@link ArticleStore} of an OpenSearch index: articles are upserted by id with the same
 * outcomes as in the local index, compared by the content hash that {@link ArticleSource} stores.
 * Each batch costs one {@code mget} of its ids, reading only their hashes, and one bulk request
 * with the added and updated articles, each given the story of its copies ({@link
 * OpenSearchStories}, one search per request); a batch of more than {@value #MAX_REQUEST_ARTICLES}
 * articles or {@value #MAX_REQUEST_CHARS} characters of text is sent in several, so a request stays
 * a few megabytes whatever the caller hands over. The callers' threads wait for each answer, which
 * is the ingest's back-pressure.
 *
 * <p>A busy cluster (429, 503) or an unreachable one is retried with exponential backoff ({@link
 * Backoff#DEFAULT}), per request and per refused item; an article the index refuses for what it
 * holds (a mapping error) is reported by {@link ArticlesRefusedException} with the others stored.
 * Writes are conditional on the version read, so an article that another writer changes between the
 * read and the write is read and decided again rather than counted wrongly.
 *
 * <p>While the store is open, the index refreshes only at {@link #commit()} ({@link
 * PausedRefresh}), where the local index, too, shows new articles.
 *
 * <p>Thread-safe. OpenSearch acknowledges a bulk request once its translog is written to disk
 * ({@code index.translog.durability: request}, the default), so every upsert that returned is
 * durable; {@link #commit()} refreshes the index, which makes them visible to searches.
 */
public final class OpenSearchArticleStore implements ArticleStore {

  /** Most articles in one request. */
  static final int MAX_REQUEST_ARTICLES = 500;

  /** Most characters of title and body in one bulk request: about 5 MB of JSON. */
  static final int MAX_REQUEST_CHARS = 5_000_000;

  /** How often an article that other writers keep changing is read and decided again. */
  private static final int MAX_CONFLICT_ROUNDS = 10;

  private final OpenSearchConnection connection;
  private final OpenSearchClient client;
  private final String index;
  private final Backoff backoff;
  private final PausedRefresh pausedRefresh;
  private final OpenSearchStories stories;

  private OpenSearchArticleStore(
      OpenSearchConnection connection, String index, Backoff backoff, PausedRefresh pausedRefresh) {
    this.connection = connection;
    this.client = connection.client();
    this.index = index;
    this.backoff = backoff;
    this.pausedRefresh = pausedRefresh;
    this.stories = new OpenSearchStories(connection, index, backoff);
  }

  /**
   * Connects to the cluster of {@code target} with the credentials of the environment ({@link
   * OpenSearchConnection#open(List)}) and opens the store of its index, creating the index with the
   * target's shards and replicas when it is missing. The store owns the connection.
   *
   * @throws io.newsarchive.index.IndexVersionException when the index exists but was created with
   *     another schema version, or not by newsarchive
   * @throws IOException when the cluster cannot be reached or refuses to create the index
   */
  public static OpenSearchArticleStore open(ClusterIndex target) throws IOException {
    return open(OpenSearchConnection.open(target.nodes()), target, Backoff.DEFAULT);
  }

  /**
   * Opens the store of {@code target}'s index over {@code connection}, which the store owns and
   * closes (also when opening fails), retrying as {@code backoff} says.
   */
  static OpenSearchArticleStore open(
      OpenSearchConnection connection, ClusterIndex target, Backoff backoff) throws IOException {
    Objects.requireNonNull(target, "target");
    try {
      createOrCheck(connection, target, backoff);
      PausedRefresh paused = PausedRefresh.pause(connection, target.name(), backoff);
      return new OpenSearchArticleStore(connection, target.name(), backoff, paused);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Creates the index of {@code target} when it is missing, and checks its schema version. */
  private static void createOrCheck(
      OpenSearchConnection connection, ClusterIndex target, Backoff backoff) throws IOException {
    OpenSearchClient client = connection.client();
    String index = target.name();
    List<?> nodes = connection.nodes();
    boolean exists =
        backoff.send("find index " + index, nodes, () -> OpenSearchSchema.exists(client, index));
    if (!exists) {
      // Not retried: the cluster just answered, and a refused index (a bad name) stays refused.
      try {
        OpenSearchSchema.create(client, index, target.shards(), target.replicas());
      } catch (OpenSearchException e) {
        // Another ingest may have created it meanwhile: then its schema decides, below.
        if (!OpenSearchSchema.exists(client, index)) {
          throw new IOException(
              "OpenSearch at "
                  + nodes
                  + " refused to create index "
                  + index
                  + ": "
                  + Backoff.reason(e),
              e);
        }
      } catch (IOException e) {
        if (!OpenSearchSchema.exists(client, index)) {
          throw e;
        }
      }
    }
    OpenSearchSchema.requireCompatible(client, index);
    // An index of this schema made before articles in other languages were stored lacks them.
    OpenSearchLanguages.addFields(client, index);
  }

  /** The name of the index this store writes. */
  public String index() {
    return index;
  }

  /** The connection this store writes through. */
  OpenSearchConnection connection() {
    return connection;
  }

  /**
   * Why an article in a language OpenSearch has no analyzer for is refused, before the language.
   */
  static final String NO_ANALYZER =
      "OpenSearch ships no analyzer that reads them as a local index does, so the OpenSearch backend"
          + " does not store articles in ";

  /**
   * {@inheritDoc}
   *
   * <p>Articles in a language whose analyzer OpenSearch does not ship ({@link OpenSearchLanguages})
   * are refused: a local index analyzes them in their language.
   */
  @Override
  public List<UpsertOutcome> upsert(List<Article> articles) throws IOException {
    UpsertOutcome[] outcomes = new UpsertOutcome[articles.size()];
    List<Refusal> refusals = new ArrayList<>();
    List<UpsertPlan.Pending> request = new ArrayList<>();
    long chars = 0;
    for (int position = 0; position < articles.size(); position++) {
      Article article = articles.get(position);
      if (!OpenSearchLanguages.stored(article.language())) {
        // Analyzed as English, its words would be found by neither their forms nor their stems.
        refusals.add(new Refusal(position, article.id(), NO_ANALYZER + article.language()));
        continue;
      }
      Map<String, Object> source = ArticleSource.toSource(article);
      long hash = ArticleSource.contentHash(source).orElseThrow();
      long size = article.title().length() + article.body().length();
      if (!request.isEmpty()
          && (request.size() == MAX_REQUEST_ARTICLES || chars + size > MAX_REQUEST_CHARS)) {
        upsertRequest(request, outcomes, refusals);
        request = new ArrayList<>();
        chars = 0;
      }
      request.add(new UpsertPlan.Pending(position, article.id(), source, hash));
      chars += size;
    }
    if (!request.isEmpty()) {
      upsertRequest(request, outcomes, refusals);
    }
    List<UpsertOutcome> stored = Arrays.stream(outcomes).filter(Objects::nonNull).toList();
    if (!refusals.isEmpty()) {
      refusals.sort(Comparator.comparingInt(Refusal::position));
      throw new ArticlesRefusedException(stored, refusals);
    }
    return stored;
  }

  /**
   * Reads, decides and writes the articles of one request, then again those whose write met a busy
   * shard or another writer, until each is stored or refused.
   */
  private void upsertRequest(
      List<UpsertPlan.Pending> articles, UpsertOutcome[] outcomes, List<Refusal> refusals)
      throws IOException {
    List<UpsertPlan.Pending> open = articles;
    int busyRounds = 0;
    int conflictRounds = 0;
    while (!open.isEmpty()) {
      UpsertPlan plan = UpsertPlan.decide(open, storedVersions(open));
      for (int i = 0; i < open.size(); i++) {
        outcomes[open.get(i).position()] = plan.outcomes().get(i);
      }
      Map<String, BulkResponseItem> failed;
      Lock writing = stories.writing();
      writing.lock();
      try {
        failed = write(stories.assign(plan.writes()));
      } finally {
        writing.unlock();
      }
      List<UpsertPlan.Pending> again = new ArrayList<>();
      boolean busy = false;
      for (UpsertPlan.Pending article : open) {
        BulkResponseItem item = failed.get(article.id());
        if (item == null) {
          continue;
        }
        if (item.status() == 409 || Backoff.isTransient(item.status())) {
          busy |= item.status() != 409;
          again.add(article);
        } else {
          outcomes[article.position()] = null;
          refusals.add(new Refusal(article.position(), article.id(), reason(item)));
        }
      }
      if (busy) {
        if (busyRounds == backoff.retries()) {
          throw new IOException(
              "OpenSearch at "
                  + connection.nodes()
                  + " stayed too busy to store articles after "
                  + (busyRounds + 1)
                  + " attempts: "
                  + reason(failed.get(again.get(0).id())));
        }
        backoff.await(busyRounds++);
      } else if (!again.isEmpty() && ++conflictRounds > MAX_CONFLICT_ROUNDS) {
        throw new IOException(
            "article " + again.get(0).id() + " kept being changed by another writer meanwhile");
      }
      open = again;
    }
    stories.forgetRunWhenFull(this::commit);
  }

  /**
   * What the index holds for the ids of {@code articles}, read in one request. The client reads a
   * {@code _source} as a raw {@link Map}; {@link ArticleSource} reads the hash from it.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private Map<String, UpsertPlan.Stored> storedVersions(List<UpsertPlan.Pending> articles)
      throws IOException {
    List<String> ids =
        List.copyOf(
            articles.stream()
                .map(UpsertPlan.Pending::id)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    MgetResponse<Map> response =
        backoff.send(
            "read the stored articles",
            connection.nodes(),
            () -> {
              MgetResponse<Map> answer =
                  client.mget(
                      m -> m.index(index).ids(ids).sourceIncludes(ArticleFields.CONTENT_HASH),
                      Map.class);
              for (MultiGetResponseItem<Map> item : answer.docs()) {
                if (item.isFailure()) {
                  // A shard not answering now: the read is sent again.
                  throw new IOException(
                      "reading article "
                          + item.failure().id()
                          + " failed: "
                          + item.failure().error().reason());
                }
              }
              return answer;
            });
    Map<String, UpsertPlan.Stored> stored = new HashMap<>();
    for (MultiGetResponseItem<Map> item : response.docs()) {
      GetResult<Map> result = item.result();
      if (result.found()) {
        Map<String, Object> source = result.source();
        long hash =
            ArticleSource.contentHash(source)
                .orElseThrow(() ->
                    new IllegalStateException(
                        "article " + result.id() + " is stored without a content hash"));
        stored.put(result.id(), new UpsertPlan.Stored(hash, result.seqNo(), result.primaryTerm()));
      }
    }
    return stored;
  }

  /** Sends the writes in one bulk request; returns the items that failed, by id. */
  private Map<String, BulkResponseItem> write(List<UpsertPlan.Write> writes) throws IOException {
    if (writes.isEmpty()) {
      return Map.of();
    }
    List<BulkOperation> operations = new ArrayList<>(writes.size());
    for (UpsertPlan.Write write : writes) {
      operations.add(
          write
              .replaces()
              .map(stored ->
                  BulkOperation.of(o ->
                      o.index(i ->
                          i.id(write.id())
                              .document(write.source())
                              .ifSeqNo(stored.seqNo())
                              .ifPrimaryTerm(stored.primaryTerm()))))
              .orElseGet(() ->
                  BulkOperation.of(o -> o.create(c -> c.id(write.id()).document(write.source())))));
    }
    BulkResponse response =
        backoff.send(
            "store articles",
            connection.nodes(),
            () -> client.bulk(b -> b.index(index).operations(operations)));
    Map<String, BulkResponseItem> failed = new HashMap<>();
    if (response.errors()) {
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null) {
          failed.put(item.id(), item);
        }
      }
    }
    return failed;
  }

  private static String reason(BulkResponseItem item) {
    String type = item.error().type();
    String reason = item.error().reason();
    return "OpenSearch answered "
        + item.status()
        + (type == null ? "" : " " + type)
        + (reason == null ? "" : ": " + reason);
  }

  /** Refreshes the index: every upsert that returned becomes visible to searches. */
  @Override
  public void commit() throws IOException {
    backoff.send(
        "refresh index " + index,
        connection.nodes(),
        () -> client.indices().refresh(r -> r.index(index)));
  }

  /** Refreshes the index, then counts its articles. */
  @Override
  public long documentCount() throws IOException {
    commit();
    return backoff.send(
        "count the articles of index " + index,
        connection.nodes(),
        () -> client.count(c -> c.index(index)).count());
  }

  /**
   * Refreshes the index, sets its refresh interval back ({@link PausedRefresh#restore()}) and
   * closes the connection.
   */
  @Override
  public void close() throws IOException {
    try (connection) {
      commit();
      pausedRefresh.restore();
    }
  }
}
