package io.newsarchive.server;

/**
 * Where the server listens.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one
 */
public record ServerOptions(String host, int port) {

  /** Validates the port range and that a host is given. */
  public ServerOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
  }
}
