package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.Prerequisites;
import io.newsarchive.testing.ReutersIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/export} over the shared Reuters-21578 index: every article, read back by Python's own
 * CSV and JSON readers, in the order and number of {@code /api/search}, streamed as it is found.
 */
class ExportServerTest {

  private static final String READ_CSV =
      """
      import csv, sys
      with open(sys.argv[1], newline='', encoding='utf-8') as f:
          rows = list(csv.reader(f))
      header, rows = rows[0], rows[1:]
      ids = [row[0] for row in rows]
      print(len(rows), len(set(ids)), all(len(row) == len(header) for row in rows), ','.join(header))
      """;

  private static final String READ_JSONL =
      """
      import json, sys
      ids = []
      with open(sys.argv[1], encoding='utf-8') as f:
          for line in f:
              ids.append(json.loads(line)['id'])
      print(len(ids), len(set(ids)))
      """;

  @TempDir static Path temp;
  private static TestServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(ReutersIndex.get().directory());
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void csvHoldsEveryArticleOnceAsPythonReadsIt() throws Exception {
    HttpResponse<Path> response = download("/api/export", temp.resolve("all.csv"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"newsarchive-export.csv\"");
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    String[] read = python(READ_CSV, response.body()).split(" ");
    long total = server.get("/api/stats").json().get("articles").asLong();
    assertThat(total).isEqualTo(ReutersIndex.ARTICLES);
    assertThat(read[0]).isEqualTo(String.valueOf(total));
    assertThat(read[1]).as("unique ids").isEqualTo(String.valueOf(total));
    assertThat(read[2]).as("every row has every column").isEqualTo("True");
    assertThat(read[3])
        .isEqualTo(
            "id,published,source,title,url,language,persons,orgs,places,topics,placeCodes,"
                + "personCodes,orgCodes,exchanges");
    String start = Files.readString(response.body(), StandardCharsets.UTF_8).substring(0, 200);
    assertThat(start).as("RFC 4180 line ends").contains("\r\n");
  }

  @Test
  void jsonLinesHoldEveryArticleOnceAsPythonReadsThem() throws Exception {
    HttpResponse<Path> response =
        download("/api/export?format=jsonl&body=true", temp.resolve("all.jsonl"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"newsarchive-export.jsonl\"");
    String[] read = python(READ_JSONL, response.body()).split(" ");
    assertThat(read[0]).isEqualTo(String.valueOf(ReutersIndex.ARTICLES));
    assertThat(read[1]).as("unique ids").isEqualTo(String.valueOf(ReutersIndex.ARTICLES));
  }

  @Test
  void filteredExportHasTheSearchTotalInTheSearchOrder() throws Exception {
    String filter = "q=cocoa&from=1987-03-01&to=1987-03-31";
    JsonNode search = server.get("/api/search?size=100&" + filter).json();
    long total = search.get("total").asLong();
    assertThat(total).isBetween(20L, 100L);
    HttpResponse<Path> response =
        download("/api/export?format=jsonl&" + filter, temp.resolve("cocoa.jsonl"));
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(response.body(), StandardCharsets.UTF_8)) {
      rows.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
    }
    assertThat(rows).hasSize((int) total);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode hit = search.get("hits").get(i);
      JsonNode row = rows.get(i);
      assertThat(row.get("id").asText()).isEqualTo(hit.get("id").asText());
      assertThat(row.get("published").asText()).isEqualTo(hit.get("published").asText());
      assertThat(row.get("places")).isEqualTo(hit.get("entities").get("place"));
      assertThat(row.get("body")).as("no body unless asked").isNull();
    }
    assertThat(rows)
        .as("the editors coded most of these cocoa")
        .filteredOn(row -> row.get("topics").toString().contains("\"cocoa\""))
        .hasSizeGreaterThan(rows.size() / 2);
  }

  @Test
  void rowsArriveInChunksWhileLaterPagesAreStillBeingSearched() throws Exception {
    GatedBackend gated =
        new GatedBackend(
            ArticleSearcher.open(
                ReutersIndex.get().directory(),
                new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(10))));
    try (TestServer held = new TestServer(gated, new ServerOptions("127.0.0.1", 0));
        Socket socket = new Socket("127.0.0.1", held.app().port())) {
      OutputStream request = socket.getOutputStream();
      request.write(
          "GET /api/export?sort=newest HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      // Not a time limit on the export: only a guard against a test that would hang.
      socket.setSoTimeout(60_000);
      InputStream in = socket.getInputStream();
      List<String> head = new ArrayList<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        head.add(line.toLowerCase(Locale.ROOT));
      }
      assertThat(head.get(0)).startsWith("http/1.1 200");
      assertThat(head).contains("transfer-encoding: chunked");
      assertThat(head).noneMatch(line -> line.startsWith("content-length"));
      // The header row and the first page's rows arrive while the second page is held at the
      // gate: the server writes each page as it finds it, never the whole result.
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (body.toString(StandardCharsets.UTF_8).split("\r\n", -1).length
          <= SearchParameters.MAX_SIZE + 1) {
        assertThat(chunk(in, body)).as("the export ended early").isPositive();
      }
      assertThat(gated.searches()).isEqualTo(1);
      gated.open();
      while (chunk(in, body) > 0) {
        // the rest of the export, up to its last chunk
      }
      assertThat(body.toString(StandardCharsets.UTF_8).split("\r\n"))
          .hasSize(ReutersIndex.ARTICLES + 1);
      assertThat(gated.searches()).isGreaterThan(ReutersIndex.ARTICLES / SearchParameters.MAX_SIZE);
    }
  }

  @Test
  void aPageThatRunsOutOfTimeBreaksTheDownloadInsteadOfEndingIt() throws Exception {
    GatedBackend failing =
        new GatedBackend(
            ArticleSearcher.open(
                ReutersIndex.get().directory(),
                new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(10))));
    failing.stopCursorPages();
    failing.open();
    try (TestServer held = new TestServer(failing, new ServerOptions("127.0.0.1", 0))) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + held.app().port() + "/api/export?q=oil"))
              .build();
      // The first page is sent; the second timed out, so the body never ends as a whole one.
      assertThatThrownBy(() -> CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      assertThat(failing.searches()).isEqualTo(2);
      TestServer.Reply small = held.get("/api/export?q=cocoa+AND+ghana&from=1987-03-01");
      assertThat(small.status()).as("one page needs no cursor").isEqualTo(200);
      assertThat(small.body()).startsWith("id,").doesNotContain("error");
    }
  }

  @Test
  void aClientThatLeavesStopsTheExport() throws Exception {
    GatedBackend gated =
        new GatedBackend(
            ArticleSearcher.open(
                ReutersIndex.get().directory(),
                new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(10))));
    try (TestServer held = new TestServer(gated, new ServerOptions("127.0.0.1", 0))) {
      try (Socket socket = new Socket("127.0.0.1", held.app().port())) {
        socket.setSoTimeout(60_000);
        socket
            .getOutputStream()
            .write(
                "GET /api/export?body=true HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        while (!line(in).isEmpty()) {
          // the response head
        }
        assertThat(chunk(in, new ByteArrayOutputStream())).isPositive();
      }
      gated.open();
      // The export's request is counted once its handler has returned.
      for (int i = 0;
          i < 1_200 && !held.get("/metrics").body().contains("route=\"/api/export\"");
          i++) {
        Thread.sleep(50);
      }
      assertThat(held.get("/metrics").body()).contains("route=\"/api/export\"");
      assertThat(gated.searches())
          .as("pages searched after the client left")
          .isLessThan(ReutersIndex.ARTICLES / SearchParameters.MAX_SIZE / 2);
    }
  }

  /**
   * Appends the next chunk of {@code in} to {@code body}; returns its size, 0 for the last. The
   * line end after a chunk's data comes with the next chunk, so it is read before a size.
   */
  private static int chunk(InputStream in, ByteArrayOutputStream body) throws IOException {
    String size = line(in);
    if (size.isEmpty()) {
      size = line(in);
    }
    byte[] data = in.readNBytes(Integer.parseInt(size.strip(), 16));
    body.writeBytes(data);
    return data.length;
  }

  /** One line of {@code in} without its CRLF, read byte by byte so nothing after it is taken. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed mid-line: " + line);
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Test
  void unknownFormatAndPagingAreRefusedWithWhatIsAccepted() {
    TestServer.Reply format = server.get("/api/export?format=xml");
    assertThat(format.status()).isEqualTo(400);
    assertThat(format.json().get("param").asText()).isEqualTo("format");
    assertThat(format.json().get("detail").asText()).isEqualTo("use csv or jsonl");
    TestServer.Reply page = server.get("/api/export?q=oil&page=2");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.json().get("param").asText()).isEqualTo("page");
    assertThat(page.json().get("detail").asText()).contains("format").doesNotContain("cursor");
    TestServer.Reply query = server.get("/api/export?q=%22unclosed");
    assertThat(query.status()).isEqualTo(400);
  }

  private static HttpResponse<Path> download(String pathAndQuery, Path file) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofFile(file));
  }

  /** What {@code script} prints about {@code file}, run by python3; skipped without python3. */
  static String python(String script, Path file) throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("python3", "-c", script, file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Prerequisites.require(false, "python3 is not on the PATH: " + e.getMessage());
      throw e;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output.strip();
  }
}
