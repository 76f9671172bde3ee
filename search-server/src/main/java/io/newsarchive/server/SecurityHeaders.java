package io.newsarchive.server;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * The headers every response carries, the web page's files, API answers and errors alike: a content
 * security policy that lets the page load only its own files and call only this server, no framing
 * by any page, no type sniffing and no referrer sent to the sites of linked articles.
 */
final class SecurityHeaders {

  /**
   * What the web page needs: its own scripts, styles and images (icons as {@code data:} URIs), API
   * calls to this server, and nothing else; no page may frame it.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Every header and its value, in the order they are sent. */
  static final List<Map.Entry<String, String>> ALL =
      List.of(
          Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY),
          Map.entry("X-Content-Type-Options", "nosniff"),
          // For browsers that predate frame-ancestors.
          Map.entry("X-Frame-Options", "DENY"),
          Map.entry("Referrer-Policy", "no-referrer"));

  private SecurityHeaders() {}

  /** Sets the headers on {@code headers}. */
  static void addTo(HttpFields.Mutable headers) {
    ALL.forEach(header -> headers.put(header.getKey(), header.getValue()));
  }

  /** Sets the headers on the response of every request Jetty reads. */
  static HttpConfiguration.Customizer customizer() {
    return (request, responseHeaders) -> {
      addTo(responseHeaders);
      return request;
    };
  }
}
