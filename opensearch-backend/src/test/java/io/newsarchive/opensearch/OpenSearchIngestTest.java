package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.cli.IndexCommand;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsarchive index --opensearch} on one real node: the same files give the same summary as
 * a local ingest, re-runs are idempotent, and the cluster's refusals end as the command says.
 */
class OpenSearchIngestTest {

  private static final Pattern COUNT =
      Pattern.compile("(read|added|updated|unchanged|rejected|warnings) ([\\d,]+)");
  private static final Pattern HOLDS = Pattern.compile("the index holds ([\\d,]+) articles");

  private static OpenSearchCluster cluster;

  @TempDir Path temp;

  @BeforeAll
  static void startNode() throws IOException {
    cluster = OpenSearchCluster.start(1);
  }

  @AfterAll
  static void stopNode() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void reutersFileCountsAsInTheLocalIndexAndReRunsAreIdempotent() throws IOException {
    Path file = SharedCorpora.require("corpora/reuters21578/reut2-000.sgm");

    Run local =
        index("--index", temp.resolve("local").toString(), "--progress", "never", file.toString());
    Run remote = indexInto("reuters", file);

    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(remote.exitCode()).as(remote.err()).isZero();
    assertThat(counts(remote)).isEqualTo(counts(local));
    assertThat(counts(remote)).containsEntry("read", 1000L).containsEntry("added", 1000L);
    assertThat(holds(remote)).isEqualTo(holds(local)).isEqualTo(1000);
    assertThat(remote.out()).startsWith("Indexed into OpenSearch index reuters at [http://");

    Run again = indexInto("reuters", file);
    assertThat(counts(again))
        .containsEntry("read", 1000L)
        .containsEntry("added", 0L)
        .containsEntry("updated", 0L)
        .containsEntry("unchanged", 1000L);
    assertThat(holds(again)).isEqualTo(1000);

    Path edited = temp.resolve("edited").resolve("reut2-000.sgm");
    Files.createDirectories(edited.getParent());
    String sgml = Files.readString(file, StandardCharsets.ISO_8859_1);
    Files.writeString(
        edited, sgml.replaceFirst("<BODY>", "<BODY>Corrected. "), StandardCharsets.ISO_8859_1);
    Run changed = indexInto("reuters", edited);
    Run changedLocally =
        index(
            "--index", temp.resolve("local").toString(), "--progress", "never", edited.toString());
    assertThat(counts(changed))
        .containsEntry("added", 0L)
        .containsEntry("updated", 1L)
        .containsEntry("unchanged", 999L)
        .isEqualTo(counts(changedLocally));
    assertThat(holds(changed)).isEqualTo(1000);
  }

  @Test
  void anArticleTheClusterRefusesIsRejectedWithItsFileAndTheRestIsStoredAsLocally()
      throws IOException {
    // Lucene refuses a keyword longer than 32,766 bytes: OpenSearch and the local index refuse
    // this article alone.
    Path file = temp.resolve("feed.jsonl");
    Files.write(
        file,
        List.of(
            json("a-1", "First", "[\"Jane Doe\"]"),
            json("a-2", "Second", "[\"" + "x".repeat(40_000) + "\"]"),
            json("a-3", "Third", "[]")));

    Run run = indexInto("refusals", file, "--entities", "none");
    Run local =
        index(
            "--index",
            temp.resolve("local").toString(),
            "--entities",
            "none",
            "--progress",
            "never",
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(counts(run)).isEqualTo(counts(local));
    assertThat(holds(run)).isEqualTo(holds(local));
    assertThat(counts(run))
        .containsEntry("read", 3L)
        .containsEntry("added", 2L)
        .containsEntry("rejected", 1L);
    assertThat(holds(run)).isEqualTo(2);
    assertThat(run.err())
        .contains(file.toString())
        .contains("article feed-a-2 could not be stored: OpenSearch answered 400")
        .contains("immense term");
  }

  @Test
  void anUnreachableClusterEndsTheCommandWithOneLine() throws IOException {
    Path file = SharedCorpora.require("corpora/reuters21578/reut2-000.sgm");

    Run run = index("--opensearch", "http://127.0.0.1:1", "--entities", "none", file.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("error: OpenSearch at [http://127.0.0.1:1] could not find index newsarchive")
        .contains("after 7 attempts");
  }

  @Test
  void optionsOfALocalIndexAreRefusedWithACluster() throws IOException {
    String url = cluster.httpUri(0).toString();
    Path file = SharedCorpora.require("corpora/reuters21578/reut2-000.sgm");

    assertThat(index("--opensearch", url, "--index", "dir", "x.sgm").err())
        .contains("--index is for a local index and cannot be combined with --opensearch");
    assertThat(index("--opensearch", url, "--optimize", "x.sgm").err())
        .contains("--optimize is for a local index");
    assertThat(index("--opensearch-index", "articles", "x.sgm").err())
        .contains("--opensearch-index needs --opensearch");
    Run badAddress = index("--opensearch", "localhost:9200", file.toString());
    assertThat(badAddress.exitCode()).isEqualTo(2);
    assertThat(badAddress.err()).contains("like http://127.0.0.1:9200; got localhost:9200");
  }

  private Run indexInto(String index, Path file, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--opensearch",
                cluster.httpUri(0).toString(),
                "--opensearch-index",
                index,
                "--progress",
                "never"));
    args.addAll(List.of(more));
    args.add(file.toString());
    return index(args.toArray(String[]::new));
  }

  private static String json(String id, String title, String authors) {
    return "{\"id\": \""
        + id
        + "\", \"source\": \"feed\", \"title\": \""
        + title
        + "\", \"body\": \"Text of "
        + title
        + ".\", \"authors\": "
        + authors
        + "}";
  }

  /** Runs {@code newsarchive index} with the OpenSearch store, as the launcher does. */
  private static Run index(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new IndexCommand(OpenSearchArticleStore::open));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int code = command.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The counts of the summary line, by name. */
  private static Map<String, Long> counts(Run run) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher matcher = COUNT.matcher(run.out());
    while (matcher.find()) {
      counts.put(matcher.group(1), Long.parseLong(matcher.group(2).replace(",", "")));
    }
    assertThat(counts).as(run.out() + run.err()).hasSize(6);
    return counts;
  }

  private static long holds(Run run) {
    Matcher matcher = HOLDS.matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    return Long.parseLong(matcher.group(1).replace(",", ""));
  }

  private record Run(int exitCode, String out, String err) {}
}
