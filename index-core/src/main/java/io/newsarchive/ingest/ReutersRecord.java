package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one {@code <REUTERS ...>...</REUTERS>} record into an article; see {@link
 * ReutersSgmlReader} for the mapping. Stateless.
 */
final class ReutersRecord {

  private static final Pattern NEWID = Pattern.compile("\\bNEWID=\"(\\d+)\"");
  private static final Pattern BYLINE_START = Pattern.compile("(?i)^by\\s+");
  private static final Pattern BYLINE_END = Pattern.compile("(?i),?\\s*reuters?\\s*$");
  private static final Pattern SIGNATURE = Pattern.compile("(?i)\\s*reuters?\\.*\\s*");
  private static final Pattern GLUED_SIGNATURE =
      Pattern.compile("\\s(?:REUTER|Reuter)\\.*(?:\\^M|\\s+[A-Z]{1,3})?\\s*$");
  private static final Pattern DATELINE_SIGNATURE = Pattern.compile(",\\s*Reuter\\s*-\\s*$");
  private static final Pattern LEADING_STARS = Pattern.compile("^\\*+");
  private static final String BRIEF_PLACEHOLDER = "Blah blah blah.";

  private ReutersRecord() {}

  /**
   * Parses one record.
   *
   * @param record the record's text, from {@code <REUTERS} to {@code </REUTERS>}
   * @param warnings receives what was odd but repaired, e.g. a malformed date
   * @throws IllegalArgumentException when the record has no NEWID
   */
  static Article parse(String record, Consumer<String> warnings) {
    String head = record.substring(0, Math.max(record.indexOf('>'), 0));
    Matcher newId = NEWID.matcher(head);
    if (!newId.find()) {
      throw new IllegalArgumentException("REUTERS record without a NEWID attribute");
    }
    String id = newId.group(1);
    Article.Builder article = Article.builder().source("reuters").sourceId(id).language("en");
    date(record, article).ifPresent(oddity -> warnings.accept("NEWID " + id + ": " + oddity));
    for (CodeScheme scheme : CodeScheme.values()) {
      List<String> codes =
          SgmlText.element(record, scheme.name()).map(SgmlText::values).orElse(List.of());
      if (!codes.isEmpty()) {
        article.codes(scheme, codes);
      }
    }
    String text = SgmlText.element(record, "TEXT").orElse("");
    String title = SgmlText.element(text, "TITLE").map(ReutersRecord::oneLine).orElse("");
    SgmlText.element(text, "AUTHOR").ifPresent(author -> article.author(byline(author)));
    String body = body(text);
    if (title.isEmpty() && body.isEmpty()) {
      // The collection counts it (NEWID 12793 is one): keep its date and codes, say so.
      warnings.accept("NEWID " + id + " has neither a TITLE nor any text; indexed without text");
    }
    return article.title(title).body(body).build();
  }

  /** Sets the article's date from the DATE element; returns what was odd about it, if anything. */
  private static Optional<String> date(String record, Article.Builder article) {
    Optional<String> date = SgmlText.element(record, "DATE");
    if (date.isEmpty()) {
      return Optional.of("no DATE; kept undated");
    }
    ReutersDate parsed = ReutersDate.parse(SgmlText.decode(date.get()));
    article.published(parsed.instant(), date.get().strip());
    return parsed.oddity().isEmpty() ? Optional.empty() : Optional.of(parsed.oddity());
  }

  /**
   * The BODY reflowed into paragraphs, after the DATELINE; or, for records without a BODY (TYPE
   * BRIEF or UNPROC), the rest of the TEXT with its line layout kept, since those are mostly
   * tables.
   */
  private static String body(String text) {
    Optional<String> body = SgmlText.element(text, "BODY");
    if (body.isPresent()) {
      // A few datelines carry the agency: "ROME, March 13, Reuter -".
      String dateline =
          SgmlText.element(text, "DATELINE")
              .map(ReutersRecord::oneLine)
              .map(d -> DATELINE_SIGNATURE.matcher(d).replaceFirst(" -"))
              .orElse("");
      String paragraphs = dropSignature(reflow(SgmlText.decode(body.get())));
      return dateline.isEmpty() ? paragraphs : dateline + " " + paragraphs;
    }
    String rest = SgmlText.decode(SgmlText.without(text, "TITLE", "DATELINE", "AUTHOR"));
    StringBuilder out = new StringBuilder();
    for (String line : rest.split("\n")) {
      // Briefs put a row of asterisks before the TITLE and a placeholder after it.
      String kept =
          TextInput.stripTrailing(
              line.startsWith("*") ? LEADING_STARS.matcher(line).replaceFirst("") : line);
      if (!kept.strip().equals(BRIEF_PLACEHOLDER)) {
        out.append(kept).append('\n');
      }
    }
    return dropSignature(out.toString().strip());
  }

  /**
   * Joins hard-wrapped lines into paragraphs: a line that starts with white space or follows a
   * blank line begins a new paragraph, which is how the wire marks them.
   */
  private static String reflow(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean newParagraph = true;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        newParagraph = true;
        continue;
      }
      boolean indented = Character.isWhitespace(line.charAt(0));
      if (!out.isEmpty()) {
        out.append(newParagraph || indented ? '\n' : ' ');
      }
      out.append(TextInput.collapseSpaces(line));
      newParagraph = false;
    }
    return out.toString();
  }

  /** The text without the wire's closing "Reuter", on a line of its own or run into the text. */
  private static String dropSignature(String text) {
    int lastBreak = text.lastIndexOf('\n');
    if (SIGNATURE.matcher(text.substring(lastBreak + 1)).matches()) {
      text = lastBreak < 0 ? "" : text.substring(0, lastBreak).strip();
    }
    // Some stories run the sign-off into their last paragraph ("... currencies. REUTER"), a few
    // before the signature line as well.
    Matcher glued = GLUED_SIGNATURE.matcher(text);
    return glued.find() ? text.substring(0, glued.start()).strip() : text;
  }

  /** An AUTHOR value without its "By " and ", Reuters"; all-capital names in title case. */
  static String byline(String author) {
    String name = oneLine(author);
    name = BYLINE_END.matcher(BYLINE_START.matcher(name).replaceFirst("")).replaceFirst("").strip();
    if (!name.equals(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean startOfWord = true;
    for (char c : name.toCharArray()) {
      out.append(startOfWord ? c : Character.toLowerCase(c));
      startOfWord = !Character.isLetter(c);
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return TextInput.collapseSpaces(SgmlText.decode(text));
  }
}
