package io.newsarchive.opensearch;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The official OpenSearch Java client, connected to the HTTP addresses of one cluster's nodes over
 * Apache HttpClient 5, with JSON through Jackson. Requests go to the nodes in turn; a node that
 * does not answer is set aside for a while and its requests are retried on another, so a cluster
 * keeps being reached while one of its nodes is down. A secured cluster is reached with the user
 * and password or API key of the environment ({@link OpenSearchCredentials}).
 *
 * <p>Thread-safe: one connection serves every thread. Close it once, when done.
 */
public final class OpenSearchConnection implements AutoCloseable {

  private final List<URI> nodes;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchClient client;

  private OpenSearchConnection(List<URI> nodes, ApacheHttpClient5Transport transport) {
    this.nodes = nodes;
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
  }

  /**
   * Connects to the nodes at {@code nodes}, each an address like {@code http://127.0.0.1:9200},
   * with the credentials of this process's environment ({@link
   * OpenSearchCredentials#fromEnvironment}). No request is sent: an unreachable cluster shows at
   * the first request.
   *
   * @throws IllegalArgumentException when the list is empty, an address is not an {@code http} or
   *     {@code https} URL of a host and port without a path, or the credentials are incomplete
   */
  public static OpenSearchConnection open(List<URI> nodes) {
    return open(nodes, System.getenv());
  }

  /**
   * Connects to the nodes at {@code nodes} as {@link #open(List)} does, with the credentials that
   * {@code environment} holds: every request then carries them in its {@code Authorization} header.
   *
   * @throws IllegalArgumentException when the list is empty, an address is not an {@code http} or
   *     {@code https} URL of a host and port without a path, or the credentials are incomplete
   */
  public static OpenSearchConnection open(List<URI> nodes, Map<String, String> environment) {
    Objects.requireNonNull(nodes, "nodes");
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch node address given");
    }
    HttpHost[] hosts = nodes.stream().map(OpenSearchConnection::host).toArray(HttpHost[]::new);
    Header[] headers =
        OpenSearchCredentials.fromEnvironment(environment).stream()
            .map(c -> new BasicHeader(HttpHeaders.AUTHORIZATION, c.authorization()))
            .toArray(Header[]::new);
    ApacheHttpClient5Transport transport =
        ApacheHttpClient5TransportBuilder.builder(hosts)
            .setMapper(new JacksonJsonpMapper())
            .setDefaultHeaders(headers)
            .build();
    return new OpenSearchConnection(List.copyOf(nodes), transport);
  }

  /** The client; it stops working when this connection is closed. */
  public OpenSearchClient client() {
    return client;
  }

  /** The node addresses this connection was opened with. */
  public List<URI> nodes() {
    return nodes;
  }

  /** Closes the client's connections. */
  @Override
  public void close() throws IOException {
    transport.close();
  }

  private static HttpHost host(URI node) {
    Objects.requireNonNull(node, "node address");
    String scheme = node.getScheme();
    boolean bare =
        node.getRawPath() == null || node.getRawPath().isEmpty() || "/".equals(node.getRawPath());
    if (!("http".equals(scheme) || "https".equals(scheme))
        || node.getHost() == null
        || node.getPort() < 0
        || !bare
        || node.getRawQuery() != null
        || node.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "an OpenSearch node address is http:// or https:// with a host and a port only, like"
              + " http://127.0.0.1:9200; got "
              + node);
    }
    return new HttpHost(scheme, node.getHost(), node.getPort());
  }
}
