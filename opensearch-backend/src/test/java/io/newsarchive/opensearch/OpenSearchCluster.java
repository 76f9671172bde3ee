package io.newsarchive.opensearch;

import io.newsarchive.testing.Repository;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.cluster.HealthResponse;

/**
 * Real OpenSearch 3.9.0 nodes for tests, each a child process on 127.0.0.1: a single node, or a
 * cluster of several that find each other through their transport ports.
 *
 * <p>A node runs {@code io.newsarchive.opensearch.node.OpenSearchNodeMain} in {@code java} of the
 * JDK running the tests, with a 512 MB heap, on the class path that the {@code opensearch-node}
 * module writes to {@code opensearch-node/target/node-classpath.txt} when it is built (OpenSearch's
 * own Lucene never meets ours). Its home (settings, data) is under {@code
 * target/opensearch-homes/}, its output in {@code target/opensearch-logs/CLUSTER-NODE.log}; ports
 * are free loopback ports picked at start. {@link #start(int)} returns when every node has started
 * and the cluster is at least yellow with all of them.
 *
 * <p>{@link #close()} stops every node and deletes their homes (the logs stay); a hook does the
 * same when the test JVM exits first, and each node also ends by itself after an hour. Not
 * thread-safe: one test class drives it.
 */
public final class OpenSearchCluster implements AutoCloseable {

  private static final String MAIN = "io.newsarchive.opensearch.node.OpenSearchNodeMain";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration MAX_LIFETIME = Duration.ofHours(1);

  private final String name;
  private final List<NodeProcess> nodes;
  private final Path homes;
  private final Thread cleanup;

  private OpenSearchCluster(String name, List<NodeProcess> nodes, Path homes) {
    this.name = name;
    this.nodes = nodes;
    this.homes = homes;
    this.cleanup = new Thread(this::destroy, name + "-cleanup");
  }

  /**
   * Starts {@code size} nodes (in parallel) and waits until they form a cluster that is at least
   * yellow. One node is a single-node cluster; more are each cluster-manager-eligible data nodes.
   *
   * @throws IllegalStateException when a node does not start, with the end of its log
   */
  public static OpenSearchCluster start(int size) throws IOException {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster has at least one node: " + size);
    }
    String name = "newsarchive-test-" + UUID.randomUUID().toString().substring(0, 8);
    Path target = Path.of("target").toAbsolutePath();
    Path homes = target.resolve("opensearch-homes").resolve(name);
    List<NodeProcess> nodes = plan(name, size, homes, target.resolve("opensearch-logs"));
    OpenSearchCluster cluster = new OpenSearchCluster(name, List.copyOf(nodes), homes);
    Runtime.getRuntime().addShutdownHook(cluster.cleanup);
    try {
      for (NodeProcess node : nodes) {
        node.launch();
      }
      for (NodeProcess node : nodes) {
        node.awaitReady(START_TIMEOUT);
      }
      cluster.awaitHealth(HealthStatus.Yellow, START_TIMEOUT);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * The nodes of a new cluster, not started yet: names {@code node-0}, {@code node-1}, ..., free
   * ports, and each other's transport addresses as seeds when there are several.
   */
  private static List<NodeProcess> plan(String name, int size, Path homes, Path logs)
      throws IOException {
    Files.createDirectories(logs);
    List<Ports> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(new Ports(freePort(), freePort()));
    }
    List<String> names = IntStream.range(0, size).mapToObj(i -> "node-" + i).toList();
    List<String> cluster = new ArrayList<>();
    for (int i = 0; size > 1 && i < size; i++) {
      cluster.addAll(
          List.of(
              "--seed",
              "127.0.0.1:" + ports.get(i).transport(),
              "--initial-cluster-manager",
              names.get(i)));
    }
    List<String> launch = launchCommand();
    List<NodeProcess> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String node = names.get(i);
      List<String> command = new ArrayList<>(launch);
      command.addAll(
          List.of(
              "--home", homes.resolve(node).toString(),
              "--cluster", name,
              "--node", node,
              "--http-port", String.valueOf(ports.get(i).http()),
              "--transport-port", String.valueOf(ports.get(i).transport()),
              "--max-lifetime", String.valueOf(MAX_LIFETIME.toSeconds())));
      command.addAll(cluster);
      nodes.add(
          new NodeProcess(
              node, ports.get(i).http(), command, logs.resolve(name + "-" + node + ".log")));
    }
    return nodes;
  }

  /** The cluster's name, unique to this run. */
  public String name() {
    return name;
  }

  /** How many nodes the cluster was started with, running or stopped. */
  public int size() {
    return nodes.size();
  }

  /** The node names, {@code node-0}, {@code node-1}, ..., in the order they are numbered here. */
  public List<String> nodeNames() {
    return nodes.stream().map(NodeProcess::name).toList();
  }

  /** The HTTP address of node {@code index}, e.g. {@code http://127.0.0.1:41234}. */
  public URI httpUri(int index) {
    return nodes.get(index).httpUri();
  }

  /** The HTTP addresses of every node, running or stopped. */
  public List<URI> httpUris() {
    return nodes.stream().map(NodeProcess::httpUri).toList();
  }

  /** A new connection to every node of the cluster; the caller closes it. */
  public OpenSearchConnection connect() {
    return OpenSearchConnection.open(httpUris());
  }

  /**
   * Stops node {@code index} as an operator would: SIGTERM, so that it leaves the cluster cleanly,
   * then forcibly when it has not ended after 30 seconds. Its home stays, for {@link #restart}.
   */
  public void stop(int index) throws InterruptedException {
    nodes.get(index).stop();
  }

  /**
   * Ends node {@code index} as a crash would: SIGKILL, so that the others learn of it only from
   * their lost connections. Its home stays, for {@link #restart}.
   */
  public void kill(int index) {
    nodes.get(index).kill();
  }

  /**
   * Starts the stopped node {@code index} again with the same name, ports and data, and returns
   * once it is started; whether the cluster has taken it back is for {@link #awaitHealth} to say.
   *
   * @throws IllegalStateException when the node is running, or does not start
   */
  public void restart(int index) throws IOException {
    NodeProcess node = nodes.get(index);
    node.launch();
    node.awaitReady(START_TIMEOUT);
  }

  /**
   * Waits until the cluster reports at least {@code status} with every running node in it, asking
   * the running nodes.
   *
   * @return how long it took
   * @throws IllegalStateException when {@code timeout} passes first, with the last health seen
   */
  public Duration awaitHealth(HealthStatus status, Duration timeout) throws IOException {
    List<NodeProcess> running = nodes.stream().filter(NodeProcess::running).toList();
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    String last = "no answer yet";
    try (OpenSearchConnection connection =
        OpenSearchConnection.open(running.stream().map(NodeProcess::httpUri).toList())) {
      while (Instant.now().isBefore(deadline)) {
        try {
          HealthResponse health = connection.client().cluster().health();
          last = health.status() + " with " + health.numberOfNodes() + " nodes";
          if (health.numberOfNodes() == running.size() && atLeast(health.status(), status)) {
            return Duration.between(start, Instant.now());
          }
        } catch (OpenSearchException | IOException e) {
          // A cluster still electing its cluster manager answers 503; the next poll decides.
          last = e.toString();
        }
        sleep(Duration.ofMillis(250));
      }
    }
    throw new IllegalStateException(
        "cluster "
            + name
            + " did not become "
            + status
            + " with "
            + running.size()
            + " nodes within "
            + timeout
            + "; last: "
            + last
            + "; node logs in "
            + nodes.getFirst().log().getParent());
  }

  /** Stops every node, forcibly, and deletes their homes; the logs stay. */
  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // The JVM is already exiting and runs the hook itself.
    }
  }

  private void destroy() {
    for (NodeProcess node : nodes) {
      node.kill();
    }
    deleteTree(homes);
  }

  private static boolean atLeast(HealthStatus actual, HealthStatus wanted) {
    return switch (wanted) {
      case Green -> actual == HealthStatus.Green;
      case Yellow -> actual == HealthStatus.Green || actual == HealthStatus.Yellow;
      case Red -> true;
    };
  }

  /** {@code java} of this JDK with a small heap, the node's class path and main class. */
  private static List<String> launchCommand() throws IOException {
    Path nodeTarget = Repository.root().resolve("opensearch-node").resolve("target");
    Path classpathFile = nodeTarget.resolve("node-classpath.txt");
    if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(nodeTarget.resolve("classes"))) {
      throw new IllegalStateException(
          "the OpenSearch node is not built: no "
              + classpathFile
              + "; build it with this module, e.g. ./mvnw -pl opensearch-backend -am test");
    }
    String classpath =
        nodeTarget.resolve("classes")
            + File.pathSeparator
            + Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(
        java.toString(),
        "-Xms512m",
        "-Xmx512m",
        "--add-modules",
        "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED",
        "-cp",
        classpath,
        MAIN);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the node homes under " + root, e);
    }
  }

  /** The index of the node elected cluster manager, as the running nodes report it. */
  public int clusterManager() throws IOException {
    try (OpenSearchConnection connection =
        OpenSearchConnection.open(
            nodes.stream().filter(NodeProcess::running).map(NodeProcess::httpUri).toList())) {
      String elected = connection.client().cat().clusterManager().valueBody().getFirst().node();
      return nodeNames().indexOf(elected);
    }
  }

  private record Ports(int http, int transport) {}

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
    }
  }
}
