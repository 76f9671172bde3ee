package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses a request whose {@code Host} header names the server by a name it was not told about.
 * That is how a page of another site reaches a server on this machine: its name is made to resolve
 * to 127.0.0.1 (DNS rebinding), and the browser then treats the server's answers as the site's own.
 * Accepted are IP addresses, {@code localhost} and names under it, the host the server binds to,
 * and the names of {@link ServerOptions#allowedHosts()}; the port is not compared, as a proxy may
 * forward from another one. Thread-safe: immutable.
 */
final class HostCheck {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+(%[0-9a-z._~-]+)?]");

  private final Set<String> names;

  HostCheck(ServerOptions options) {
    Set<String> allowed = new HashSet<>(options.allowedHosts());
    allowed.add(options.host().toLowerCase(Locale.ROOT));
    this.names = Set.copyOf(allowed);
  }

  /**
   * Lets the request through when its {@code Host} is accepted or absent (only HTTP/1.0 clients,
   * never browsers, leave it out).
   *
   * @throws HttpResponseException 421 naming the host and the option that allows it
   */
  void check(Context ctx) {
    String header = ctx.header("Host");
    if (header == null) {
      return;
    }
    String name = withoutPort(header.strip());
    if (!accepts(name.toLowerCase(Locale.ROOT))) {
      throw new HttpResponseException(
          421,
          "this server does not answer to the name '"
              + name
              + "'; if that name should reach it (say, through a proxy), start it with"
              + " --allowed-hosts "
              + name);
    }
  }

  private boolean accepts(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return IPV4.matcher(name).matches()
        || IPV6.matcher(name).matches()
        || name.equals("localhost")
        || name.endsWith(".localhost")
        || names.contains(name);
  }

  private static String withoutPort(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(0, close + 1);
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }
}
