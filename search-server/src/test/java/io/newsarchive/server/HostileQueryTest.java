package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand generated hostile requests against the real server over the Reuters-21578 index:
 * each gets a documented status in the one JSON error shape, none takes more than twice the time
 * budget, and the server answers normally afterwards. Seeded: {@code -Dhostile.seed=N} replays
 * another run, {@code -Dhostile.requests=N} changes the count.
 */
class HostileQueryTest {

  private static final long SEED = Long.getLong("hostile.seed", 20_260_801L);
  private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);
  private static final Duration BUDGET = Duration.ofSeconds(2);
  private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 404, 405, 413, 414, 431, 503);
  private static final int CLIENTS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hostileRequestsGetDocumentedAnswersWithinTwiceTheBudget() throws Exception {
    HostileRequests generator = new HostileRequests(SEED);
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      targets.add(generator.next());
    }
    SearcherOptions options =
        new SearcherOptions(Duration.ofSeconds(1), BUDGET, 2, Duration.ofSeconds(2));
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    try (TestServer server = new TestServer(ReutersIndex.get().directory(), options)) {
      warmUp(server);
      int port = server.app().port();
      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          running.add(
              clients.submit(() -> {
                for (int i = next.getAndIncrement();
                    i < targets.size();
                    i = next.getAndIncrement()) {
                  String target = targets.get(i);
                  String failure = check(port, target, statuses);
                  if (failure != null) {
                    failures.add("#" + i + " " + abbreviate(target) + ": " + failure);
                  }
                }
                return null;
              }));
        }
        for (Future<?> client : running) {
          client.get();
        }
      } finally {
        clients.shutdownNow();
      }
      assertThat(failures).as("seed " + SEED).isEmpty();
      answersNormally(server);
    }
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, count) -> counts.put(status, count.sum()));
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(REQUESTS);
    // The generator reaches both sides: queries that run, and queries refused as bad input.
    assertThat(counts.get(200)).as(counts.toString()).isGreaterThan(REQUESTS / 5L);
    assertThat(counts.get(400)).as(counts.toString()).isGreaterThan(REQUESTS / 5L);
  }

  /** Sends one request; null when the answer is as documented, else what is wrong with it. */
  private static String check(int port, String target, Map<Integer, LongAdder> statuses) {
    long start = System.nanoTime();
    RawHttp.Response response;
    try {
      response = RawHttp.get(port, target);
    } catch (IOException e) {
      return "no answer: " + e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    statuses.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
    String seen =
        response.status() + " in " + took.toMillis() + " ms: " + abbreviate(response.body());
    if (!DOCUMENTED.contains(response.status())) {
      return "undocumented status " + seen;
    }
    if (took.compareTo(BUDGET.multipliedBy(2)) > 0) {
      return "slower than twice the budget: " + seen;
    }
    if (!response.contentType().startsWith("application/json")) {
      return "not JSON (" + response.contentType() + "): " + seen;
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      return "unparseable JSON: " + seen;
    }
    if (response.status() == 200) {
      return json != null && json.isObject() ? null : "not a JSON object: " + seen;
    }
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    if (!fields.equals(List.of("error", "detail", "param"))
        || json.get("error").asText().isBlank()
        || json.get("detail").asText().isBlank()) {
      return "not the error shape: " + seen;
    }
    if (response.status() == 503
        && json.get("error").asText().equals("too many searches")
        && response.retryAfter().isEmpty()) {
      return "503 without Retry-After: " + seen;
    }
    return null;
  }

  /**
   * Runs each endpoint a few times, so that the first timed requests do not pay for loading
   * classes, compiling hot code and reading the index's first pages.
   */
  private static void warmUp(TestServer server) {
    for (int i = 0; i < 20; i++) {
      server.get("/api/search?q=oil+prices&facets=source,person,org,place&page=" + (1 + i % 3));
      server.get("/api/search?q=co*+OR+/ba.k/+OR+cocao~&sort=newest");
      server.get("/api/entities?type=person&q=trade");
      server.get("/api/suggest?prefix=coc");
      server.get("/api/articles/reuters-" + (10 + i) + "/related");
    }
    answersNormally(server);
  }

  private static void answersNormally(TestServer server) {
    TestServer.Reply reply = server.get("/api/search?q=cocoa&size=3");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("total").asLong()).isGreaterThan(50);
    assertThat(reply.json().get("timedOut").asBoolean()).isFalse();
    for (JsonNode hit : reply.json().get("hits")) {
      assertThat(hit.get("titleSnippet").asText()).containsIgnoringCase("<mark>cocoa</mark>");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + ")";
  }
}
