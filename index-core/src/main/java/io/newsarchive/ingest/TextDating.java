package io.newsarchive.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a plain-text article, whose file holds no date, gets one when no sidecar gives it: none (the
 * article is undated), one date the user gave for every file, or the date its path spells, as
 * collections sorted into {@code 2020/09/26/} or {@code 2020-09-26/} folders have it. Immutable.
 *
 * @param rule where the date comes from
 * @param fixed the date for {@link Rule#FIXED}, else null
 */
public record TextDating(Rule rule, Instant fixed) {

  /** Where a plain-text article's date comes from. */
  public enum Rule {
    /** Nowhere: the article is undated. */
    NONE,
    /** One date the user gave, for every plain-text article. */
    FIXED,
    /** The last year, month and day the path below the named input spells. */
    PATH
  }

  /** Plain-text articles stay undated. */
  public static final TextDating NONE = new TextDating(Rule.NONE, null);

  /** Each plain-text article is dated by its path. */
  public static final TextDating FROM_PATH = new TextDating(Rule.PATH, null);

  /**
   * A year, a month and a day, as folder names ({@code 2020/09/26}) or in one name ({@code
   * 2020-09-26}, {@code 2020_09_26}, {@code 20200926}), not inside a longer number.
   */
  private static final Pattern PATH_DATE =
      Pattern.compile("(?<!\\d)((?:19|20)\\d{2})([/_.-]?)(\\d{2})\\2(\\d{2})(?!\\d)");

  /** Validates that a date comes with, and only with, {@link Rule#FIXED}. */
  public TextDating {
    Objects.requireNonNull(rule, "rule");
    if ((rule == Rule.FIXED) == (fixed == null)) {
      throw new IllegalArgumentException("a date is given with, and only with, FIXED");
    }
  }

  /** One date for every plain-text article. */
  public static TextDating fixed(Instant date) {
    return new TextDating(Rule.FIXED, Objects.requireNonNull(date, "date"));
  }

  /**
   * One date for every plain-text article, written as JSON Lines records write theirs (ISO-8601
   * such as {@code 2005-03-14} or {@code 2005-03-14T09:30:00Z}, RFC 1123, epoch seconds).
   *
   * @throws IllegalArgumentException when the text is no readable date
   */
  public static TextDating fixed(String date) {
    return fixed(JsonDates.parse(date));
  }

  /**
   * The date of the article read from {@code input}, or empty when this rule gives none (for {@link
   * Rule#PATH}: when the path spells no valid date).
   */
  public Optional<Instant> dateOf(InputName input) {
    return switch (rule) {
      case NONE -> Optional.empty();
      case FIXED -> Optional.of(fixed);
      case PATH -> fromPath(input.relative());
    };
  }

  /** The last valid date that {@code path} spells, at the start of that day in UTC. */
  static Optional<Instant> fromPath(String path) {
    Matcher matcher = PATH_DATE.matcher(path);
    Optional<Instant> last = Optional.empty();
    int from = 0;
    while (from < path.length() && matcher.find(from)) {
      try {
        LocalDate day =
            LocalDate.of(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(3)),
                Integer.parseInt(matcher.group(4)));
        last = Optional.of(day.atStartOfDay().toInstant(ZoneOffset.UTC));
      } catch (DateTimeException notADay) {
        // Eight digits that are no day, such as a story number; look further.
      }
      from = matcher.start() + 1;
    }
    return last;
  }
}
