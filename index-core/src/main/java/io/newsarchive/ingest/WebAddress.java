package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What the readers of web content take from an article's address: the host that names its source,
 * and the id that one address always gets, whether the page comes from a web archive or a saved
 * file. Stateless.
 */
final class WebAddress {

  /** The source of pages whose address has no host. */
  static final String NO_HOST = "web";

  private WebAddress() {}

  /** The host of an absolute URL, lower case and without {@code www.}; empty when it has none. */
  static Optional<String> host(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      if (host != null && !host.isBlank()) {
        String lower = host.toLowerCase(Locale.ROOT);
        return Optional.of(lower.startsWith("www.") ? lower.substring(4) : lower);
      }
    } catch (IllegalArgumentException e) {
      // Not a parsable URI: it has no host to offer.
    }
    return Optional.empty();
  }

  /** Whether {@code url} is an absolute {@code http} or {@code https} address. */
  static boolean isWebUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return (lower.startsWith("http://") || lower.startsWith("https://")) && host(url).isPresent();
  }

  /**
   * The id of the article at {@code url}: {@code slug(host)-} and 16 hex digits of the URL's
   * SHA-256 ({@link Article#deriveId}), the same whichever reader found the page and whatever
   * source name it is shown under.
   */
  static String articleId(String url) {
    return Article.deriveId(host(url).orElse(NO_HOST), "", url);
  }
}
