package io.newsarchive.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSearch node of an {@link OpenSearchCluster}: its process, started and stopped with the
 * same command (and so the same name, ports and home), its output appended to one log file. Not
 * thread-safe.
 */
final class NodeProcess {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 40;

  private final String name;
  private final int httpPort;
  private final List<String> command;
  private final Path log;
  private Process process;
  private long logStart;

  NodeProcess(String name, int httpPort, List<String> command, Path log) {
    this.name = name;
    this.httpPort = httpPort;
    this.command = command;
    this.log = log;
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  URI httpUri() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  void launch() throws IOException {
    if (running()) {
      throw new IllegalStateException("node " + name + " is running already");
    }
    logStart = Files.exists(log) ? Files.size(log) : 0;
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** Waits for the node's READY line in what it wrote since it was launched. */
  void awaitReady(Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (output().contains("READY node=" + name)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "OpenSearch node "
                + name
                + " exited with code "
                + process.exitValue()
                + " before it started; "
                + tail());
      }
      OpenSearchCluster.sleep(Duration.ofMillis(200));
    }
    kill();
    throw new IllegalStateException(
        "OpenSearch node " + name + " did not start within " + timeout + "; " + tail());
  }

  void stop() throws InterruptedException {
    if (!running()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String output() throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    byte[] bytes = Files.readAllBytes(log);
    int from = (int) Math.min(logStart, bytes.length);
    return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
  }

  private String tail() throws IOException {
    List<String> lines = output().lines().toList();
    return "the end of its log "
        + log
        + ":\n"
        + String.join(
            "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
  }
}
