package io.newsarchive.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the server listens and whom it answers.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one
 * @param allowedHosts further names the server may be addressed by in the {@code Host} header, e.g.
 *     behind a proxy; loopback names, IP addresses and {@code host} are always allowed
 * @param corsOrigins origins, such as {@code https://example.org}, whose pages may call the API
 *     from a browser; none by default
 * @param slowQuery how long a request that runs searches may take before it is logged as slow; zero
 *     logs every one
 * @param metrics whether {@code /metrics} is served and requests are measured for it
 */
public record ServerOptions(
    String host,
    int port,
    List<String> allowedHosts,
    List<String> corsOrigins,
    Duration slowQuery,
    boolean metrics) {

  /** Log searches that take a second or more: far beyond a normal page, still within budget. */
  public static final Duration DEFAULT_SLOW_QUERY = Duration.ofSeconds(1);

  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  /**
   * Validates the port range, that a host is given, every allowed host and origin, and that the
   * slow query threshold is not negative.
   */
  public ServerOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    allowedHosts = allowedHosts.stream().map(ServerOptions::hostName).toList();
    corsOrigins = corsOrigins.stream().map(ServerOptions::origin).toList();
    if (slowQuery == null || slowQuery.isNegative()) {
      throw new IllegalArgumentException(
          "slow query threshold must be 0 ms or more, got "
              + (slowQuery == null ? "none" : slowQuery.toMillis() + " ms"));
    }
  }

  /**
   * Listens on {@code host} and {@code port}, answering the names and origins given, logging
   * searches slower than {@link #DEFAULT_SLOW_QUERY} and serving {@code /metrics}.
   */
  public ServerOptions(String host, int port, List<String> allowedHosts, List<String> corsOrigins) {
    this(host, port, allowedHosts, corsOrigins, DEFAULT_SLOW_QUERY, true);
  }

  /** Listens on {@code host} and {@code port}, answering only local names and without CORS. */
  public ServerOptions(String host, int port) {
    this(host, port, List.of(), List.of());
  }

  /** These options logging the searches that take {@code slowQuery} or longer. */
  public ServerOptions withSlowQuery(Duration slowQuery) {
    return new ServerOptions(host, port, allowedHosts, corsOrigins, slowQuery, metrics);
  }

  /** These options without {@code /metrics} and without measuring requests for it. */
  public ServerOptions withoutMetrics() {
    return new ServerOptions(host, port, allowedHosts, corsOrigins, slowQuery, false);
  }

  private static String hostName(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    if (!HOST_NAME.matcher(lower).matches()) {
      throw new IllegalArgumentException(
          "allowed host '" + name + "' is not a host name (give it without scheme or port)");
    }
    return lower;
  }

  private static String origin(String origin) {
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (URISyntaxException e) {
      throw notAnOrigin(origin);
    }
    boolean web =
        "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    boolean bare =
        uri.getRawUserInfo() == null
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null;
    if (!web || uri.getHost() == null || !bare) {
      throw notAnOrigin(origin);
    }
    return uri.toString().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException notAnOrigin(String origin) {
    return new IllegalArgumentException(
        "CORS origin '"
            + origin
            + "' is not an origin such as https://example.org or http://localhost:3000"
            + " (scheme, host and optional port, no path)");
  }
}
