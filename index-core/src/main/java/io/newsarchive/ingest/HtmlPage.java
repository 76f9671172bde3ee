package io.newsarchive.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article fields found in one HTML page, as {@link WarcReader} extracts them from an archived
 * page and {@link HtmlPageReader} from a saved one.
 *
 * @param title {@code og:title}, else the JSON-LD article's {@code headline}, else {@code <title>},
 *     else the first {@code <h1>}
 * @param text the text of the page's {@code <article>} (the longest, when there are several), else
 *     its {@code <main>}, else its body; scripts, styles, navigation, headers, footers, asides and
 *     forms removed; one line per block element
 * @param publishedText the page's own publication date (article:published_time, datePublished, date
 *     meta tags, the JSON-LD article's {@code datePublished}, or the first {@code <time
 *     datetime>}), or empty
 * @param published that date read by {@link JsonDates}, or null when absent or unreadable
 * @param language the {@code <html lang>} value, or empty
 * @param authors the {@code author} and {@code article:author} meta values that are names
 * @param address where the page says it lives: {@code <link rel=canonical>}, else {@code og:url},
 *     when absolute {@code http(s)}; else empty
 * @param siteName the {@code og:site_name}, or empty
 * @param linkChars how many characters of {@link #text} are the text of links, which tells an index
 *     or navigation page from an article
 */
record HtmlPage(
    String title,
    String text,
    String publishedText,
    Instant published,
    String language,
    List<String> authors,
    String address,
    String siteName,
    int linkChars) {

  private static final String NOT_CONTENT =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg";
  private static final String[] TITLE_META = {
    "meta[property=og:title]", "meta[name=twitter:title]"
  };
  private static final String[] SITE_META = {"meta[property=og:site_name]"};
  private static final String[] DATE_META = {
    "meta[property=article:published_time]",
    "meta[itemprop=datePublished]",
    "meta[name=date]",
    "meta[name=pubdate]",
    "meta[name=publish-date]",
    "meta[name=dc.date]",
  };

  /** Extracts the fields of a parsed page; the page's non-content elements are removed. */
  static HtmlPage of(Document page) {
    JsonLdArticle jsonLd = JsonLdArticle.of(page);
    String title = title(page, jsonLd);
    String language = page.select("html[lang]").attr("lang");
    List<String> authors = authors(page);
    String address = address(page);
    String siteName = HtmlText.oneLine(firstMeta(page, SITE_META));
    String dateText = firstMeta(page, DATE_META);
    if (dateText.isEmpty()) {
      dateText = jsonLd.datePublished();
    }
    page.select(NOT_CONTENT).remove();
    Element root = contentRoot(page);
    if (dateText.isEmpty()) {
      dateText = root.select("time[datetime]").attr("datetime").strip();
    }
    String text = HtmlText.text(root);
    if (!title.isEmpty() && text.startsWith(title + "\n")) {
      text = text.substring(title.length() + 1);
    }
    int linkChars = 0;
    for (Element link : root.select("a")) {
      linkChars += TextInput.collapseSpaces(link.text()).length();
    }
    return new HtmlPage(
        title,
        text,
        dateText,
        date(dateText),
        language,
        authors,
        address,
        siteName,
        Math.min(linkChars, text.length()));
  }

  private static String title(Document page, JsonLdArticle jsonLd) {
    String title = firstMeta(page, TITLE_META);
    if (title.isEmpty()) {
      title = jsonLd.headline();
    }
    if (title.isEmpty()) {
      title = page.title();
    }
    if (title.isBlank()) {
      title = page.select("h1").text();
    }
    return HtmlText.oneLine(title);
  }

  private static String address(Document page) {
    String canonical = page.select("link[rel=canonical]").attr("href").strip();
    if (WebAddress.isWebUrl(canonical)) {
      return canonical;
    }
    String og = page.select("meta[property=og:url]").attr("content").strip();
    return WebAddress.isWebUrl(og) ? og : "";
  }

  private static Element contentRoot(Document page) {
    Element best = null;
    for (Element article : page.select("article, [itemprop=articleBody]")) {
      if (best == null || article.text().length() > best.text().length()) {
        best = article;
      }
    }
    if (best != null) {
      return best;
    }
    Element main = page.selectFirst("main");
    return main != null ? main : page.body();
  }

  private static List<String> authors(Document page) {
    List<String> authors = new ArrayList<>();
    for (Element meta : page.select("meta[name=author], meta[property=article:author]")) {
      String name = meta.attr("content").strip();
      if (!name.isEmpty() && !name.startsWith("http")) {
        authors.add(name);
      }
    }
    return authors;
  }

  private static String firstMeta(Document page, String[] selectors) {
    for (String selector : selectors) {
      String content = page.select(selector).attr("content").strip();
      if (!content.isEmpty()) {
        return content;
      }
    }
    return "";
  }

  private static Instant date(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return JsonDates.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
