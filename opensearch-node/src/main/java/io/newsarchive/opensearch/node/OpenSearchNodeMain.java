package io.newsarchive.opensearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.cli.UserException;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Starts one OpenSearch node on 127.0.0.1 from the jars on the class path (no distribution, no
 * plugin folder): HTTP and transport from the netty4 module, the language analyzers from
 * analysis-common. Alone it is a single-node cluster; given seed addresses and the initial
 * cluster-manager names, it joins or forms a cluster with other nodes started the same way.
 *
 * <p>It prints one line starting with {@code READY} once the node is started, closes the node on
 * SIGTERM, and ends by itself after {@code --max-lifetime}, so that a node whose starter died
 * cannot run forever.
 */
@Command(
    name = "opensearch-node",
    mixinStandardHelpOptions = true,
    description = "Run one OpenSearch node on 127.0.0.1, its data and logs under --home.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped by a signal or at the end of --max-lifetime",
      "1:the node could not start",
      "2:bad options"
    })
public final class OpenSearchNodeMain implements Callable<Integer> {

  private static final String LOOPBACK = "127.0.0.1";

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      required = true,
      paramLabel = "DIR",
      description = "The node's folder: config/, data/ and logs/ are made in it.")
  Path home;

  @Option(names = "--cluster", required = true, description = "Cluster name.")
  String cluster;

  @Option(names = "--node", required = true, description = "Node name, unique in the cluster.")
  String node;

  @Option(names = "--http-port", required = true, description = "HTTP port.")
  int httpPort;

  @Option(names = "--transport-port", required = true, description = "Transport port.")
  int transportPort;

  @Option(
      names = "--seed",
      paramLabel = "HOST:PORT",
      description =
          "Transport address of another node of the cluster; repeatable. Without any, the node is"
              + " a cluster of its own (single-node discovery).")
  List<String> seeds = new ArrayList<>();

  @Option(
      names = "--initial-cluster-manager",
      paramLabel = "NODE",
      description =
          "Name of a node that votes when the cluster forms for the first time; repeatable, and"
              + " required with --seed.")
  List<String> initialClusterManagers = new ArrayList<>();

  @Option(
      names = "--max-lifetime",
      defaultValue = "3600",
      paramLabel = "SECONDS",
      description = "Stop after this long whatever happens (default: ${DEFAULT-VALUE}).")
  long maxLifetimeSeconds;

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    // The node's shutdown hook logs its closing, so log4j must not stop in a hook of its own.
    System.setProperty("log4j.shutdownHookEnabled", "false");
    System.exit(new CommandLine(new OpenSearchNodeMain()).execute(args));
  }

  @Override
  public Integer call() throws IOException, UserException, InterruptedException {
    validate();
    long started = System.nanoTime();
    Environment environment = prepare();
    LogConfigurator.setNodeName(node);
    LogConfigurator.configure(environment);
    Logger log = LogManager.getLogger(OpenSearchNodeMain.class);
    Node opened = new ClassPathNode(environment);
    try {
      opened.start();
    } catch (NodeValidationException | RuntimeException e) {
      log.error("the node could not start", e);
      opened.close();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(opened, log), "node-shutdown"));
    System.out.printf(
        "READY node=%s http=%s:%d transport=%s:%d startup_ms=%d%n",
        node,
        LOOPBACK,
        httpPort,
        LOOPBACK,
        transportPort,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    System.out.flush();
    Thread.sleep(Duration.ofSeconds(maxLifetimeSeconds));
    log.warn("stopping: the node reached its maximum lifetime of {} s", maxLifetimeSeconds);
    return 0;
  }

  private void validate() {
    if (maxLifetimeSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--max-lifetime must be positive");
    }
    for (int port : new int[] {httpPort, transportPort}) {
      if (port < 1 || port > 65535) {
        throw new ParameterException(spec.commandLine(), "ports are from 1 to 65535: " + port);
      }
    }
    if (seeds.isEmpty() != initialClusterManagers.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--seed and --initial-cluster-manager go together: a node of a cluster needs both,"
              + " a single node neither");
    }
  }

  /** The node's settings and folders, with the log configuration copied into config/. */
  private Environment prepare() throws IOException {
    Path root = home.toAbsolutePath();
    Path config = Files.createDirectories(root.resolve("config"));
    try (InputStream in = OpenSearchNodeMain.class.getResourceAsStream("log4j2.properties")) {
      Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
    }
    Settings.Builder settings =
        Settings.builder()
            .put("path.home", root.toString())
            .put("path.data", root.resolve("data").toString())
            .put("path.logs", root.resolve("logs").toString())
            .put("cluster.name", cluster)
            .put("node.name", node)
            .put("network.host", LOOPBACK)
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            // Test machines run with little free disk; the watermarks would refuse shards.
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
    if (seeds.isEmpty()) {
      settings.put("discovery.type", "single-node");
    } else {
      settings.putList("discovery.seed_hosts", seeds);
      settings.putList("cluster.initial_cluster_manager_nodes", initialClusterManagers);
    }
    return InternalSettingsPreparer.prepareEnvironment(
        settings.build(), Map.of(), config, () -> node);
  }

  private static void close(Node opened, Logger log) {
    try {
      opened.close();
      if (!opened.awaitClose(30, TimeUnit.SECONDS)) {
        log.warn("the node did not close within 30 s");
      }
      log.info("STOPPED node closed");
    } catch (IOException e) {
      log.error("the node could not close cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LogManager.shutdown();
    }
  }

  /**
   * A node whose plugins are classes on the class path rather than folders under {@code plugins/}.
   */
  private static final class ClassPathNode extends Node {

    private static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class);

    ClassPathNode(Environment environment) {
      super(environment, plugins(), true);
    }

    private static Collection<PluginInfo> plugins() {
      return PLUGINS.stream()
          .map(plugin ->
              new PluginInfo(
                  plugin.getName(),
                  "on the class path",
                  Version.CURRENT.toString(),
                  Version.CURRENT,
                  "21",
                  plugin.getName(),
                  List.of(),
                  false))
          .toList();
    }
  }
}
