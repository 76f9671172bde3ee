package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are broken on purpose go through {@code newsarchive index}: every complete record
 * before a break is indexed, every break and oversized record is a rejection that says where, and
 * the counts add up.
 */
class HostileFilesTest {

  @TempDir Path temp;

  private static String jsonLine(int n) {
    return "{\"id\":\"h-"
        + n
        + "\",\"source\":\"Hostile Wire\",\"title\":\"Record "
        + n
        + "\",\"body\":\"The council met on day "
        + n
        + " and agreed on the budget.\"}\n";
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** The complete lines that a truncated gzip file still holds. */
  private static int completeLines(byte[] truncatedGzip) {
    int lines = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(truncatedGzip))) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        lines += b == '\n' ? 1 : 0;
      }
    } catch (IOException e) {
      // The break: what was read so far is what counts.
    }
    return lines;
  }

  private static String warcResponse(String url, String html) {
    String http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + html.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + html;
    return warcRecord(url, http.getBytes(StandardCharsets.UTF_8).length, http);
  }

  private static String warcRecord(String url, long contentLength, String block) {
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:"
        + java.util.UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8))
        + ">\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Target-URI: "
        + url
        + "\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: "
        + contentLength
        + "\r\n\r\n"
        + block
        + "\r\n\r\n";
  }

  private static String page(int n) {
    return "<html><head><title>Page "
        + n
        + "</title></head><body><article><p>The harbour reopened on day "
        + n
        + ".</p></article></body></html>";
  }

  private CliRun index(Path input, String... options) {
    List<String> args = new ArrayList<>(List.of("--index", temp.resolve("index").toString()));
    args.addAll(List.of("--entities", "none", "--progress", "never", "--threads", "2"));
    args.addAll(List.of(options));
    args.add(input.toString());
    return CliRun.run(new IndexCommand(), args.toArray(String[]::new));
  }

  private List<Article> stored() throws IOException {
    List<Article> articles = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(temp.resolve("index")))) {
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        articles.add(ArticleDocuments.article(reader, doc));
      }
    }
    return articles;
  }

  @Test
  void truncatedGzipKeepsEveryCompleteLineAndSaysWhereItBroke() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int n = 1; n <= 3_000; n++) {
      text.append(jsonLine(n));
    }
    byte[] whole = gzip(text.toString());
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length * 4 / 5);
    int complete = completeLines(truncated);
    Path file = temp.resolve("export.jsonl.gz");
    Files.write(file, truncated);

    CliRun run = index(file);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(String.format("read %,d, added %,d,", complete + 1, complete), "rejected 1,");
    assertThat(run.err())
        .contains("export.jsonl.gz", String.format("at line %,d", complete), "could not read");
    assertThat(stored()).hasSize(complete);
  }

  @Test
  void hostileFolderIsIndexedWithExactCountsAndPositions() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("hostile"));
    // A WARC cut in the middle of its third response.
    String threePages =
        warcResponse("https://example.org/1", page(1))
            + warcResponse("https://example.org/2", page(2))
            + warcResponse("https://example.org/3", page(3));
    Files.writeString(
        folder.resolve("cut.warc"), threePages.substring(0, threePages.length() - 60));
    // A WARC whose second record claims more bytes than the file has.
    Files.writeString(
        folder.resolve("liar.warc"),
        warcResponse("https://example.org/4", page(4))
            + warcRecord("https://example.org/5", 1L << 40, "HTTP/1.1 200 OK\r\n\r\nshort"));
    // A JSON Lines file whose second line is over the record limit, written as a stream.
    try (Writer out =
        new java.io.OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(folder.resolve("huge.jsonl.gz"))),
            StandardCharsets.UTF_8)) {
      out.write(jsonLine(10));
      out.write("{\"title\":\"Huge\",\"body\":\"");
      char[] words = "word ".repeat(1_000).toCharArray();
      for (int i = 0; i < 20; i++) {
        out.write(words);
      }
      out.write("\"}\n");
      out.write(jsonLine(11));
    }
    // A first record longer than format detection looks at, a NUL and an escape in a title.
    Files.writeString(
        folder.resolve("long-first.jsonl"),
        "{\"id\":\"long\",\"source\":\"Hostile Wire\",\"body\":\""
            + "The long report goes on. ".repeat(2_800)
            + "\"}\n"
            + "{\"id\":\"nul\",\"source\":\"Hostile Wire\",\"title\":\"Bad\\u0000Ti\\u001btle\","
            + "\"body\":\"Text\\u0000with a NUL.\"}\n");
    // Binary garbage with a news extension, and an empty file.
    byte[] garbage = new byte[50_000];
    new Random(7).nextBytes(garbage);
    Files.write(folder.resolve("garbage.jsonl"), garbage);
    Files.write(folder.resolve("empty.txt"), new byte[0]);

    CliRun run = index(folder, "--max-record-size", "80000");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read 12, added 7, updated 0, unchanged 0, rejected 5,");
    assertThat(run.err())
        .contains("cut.warc: could not read the file at byte", "truncated")
        .contains("liar.warc (record 2): record declares a Content-Length of 1099511627776")
        .contains(
            "huge.jsonl.gz:2 (record 2): record of 100,026 characters is over the limit of 80,000")
        .contains("garbage.jsonl")
        .contains("empty.txt");
    List<Article> articles = stored();
    assertThat(articles)
        .extracting(Article::title)
        .contains("Page 1", "Page 2", "Page 4", "Record 10", "Record 11", "BadTitle");
    Article nul = articles.stream().filter(a -> a.title().equals("BadTitle")).findFirst().get();
    assertThat(nul.body()).isEqualTo("Textwith a NUL.");
  }
}
