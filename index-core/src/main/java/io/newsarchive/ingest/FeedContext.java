package io.newsarchive.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import java.util.Objects;
import org.jdom2.Namespace;

/**
 * What every item of one feed shares: the source its articles are filed under and the language they
 * are in unless an item says otherwise. Immutable.
 *
 * @param source {@code --source} when given, else the feed's title, else its link's host, else the
 *     input's name by the {@link SourceNaming} rule
 * @param language the feed's {@code xml:lang} or {@code language}, else {@link
 *     ReadOptions#language()}
 */
record FeedContext(String source, String language) {

  /** The context of a parsed feed read from {@code name}. */
  static FeedContext of(FeedDocument document, InputName name, ReadOptions options) {
    SyndFeed feed = document.feed();
    String source = options.source().name().orElse("");
    if (source.isEmpty()) {
      source = HtmlText.oneLine(Objects.requireNonNullElse(feed.getTitle(), ""));
    }
    if (source.isEmpty()) {
      source = WebAddress.host(Objects.requireNonNullElse(feed.getLink(), "")).orElse("");
    }
    if (source.isEmpty()) {
      source = options.source().sourceOf(name);
    }
    String language = document.root().getAttributeValue("lang", Namespace.XML_NAMESPACE);
    if (language == null || language.isBlank()) {
      language = feed.getLanguage();
    }
    if (language == null || language.isBlank()) {
      language = options.language();
    }
    return new FeedContext(source, language);
  }
}
