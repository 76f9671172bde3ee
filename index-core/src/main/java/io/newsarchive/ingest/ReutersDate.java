package io.newsarchive.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Reuters-21578 {@code <DATE>} values such as {@code 26-FEB-1987 15:01:01.79}, in UTC.
 *
 * @param instant the moment, or null when not even the day could be read
 * @param oddity empty for a well-formed value, else what was odd and how it was read
 */
record ReutersDate(Instant instant, String oddity) {

  private static final Pattern WELL_FORMED =
      Pattern.compile("\\d{1,2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{1,2}");
  private static final Pattern DAY = Pattern.compile("(\\d{1,2}-[A-Za-z]{3}-\\d{4})");
  private static final Pattern TIME =
      Pattern.compile("^(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,2}))?");
  private static final DateTimeFormatter DAY_FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d-MMM-uuuu")
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);

  /** Reads a DATE value; never fails, but says in {@link #oddity} what it had to repair. */
  static ReutersDate parse(String raw) {
    String text = raw.strip();
    Matcher day = DAY.matcher(text);
    if (!day.find()) {
      return new ReutersDate(null, "unreadable DATE '" + text + "'; kept undated");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(day.group(1), DAY_FORMAT);
    } catch (DateTimeParseException e) {
      return new ReutersDate(null, "unreadable DATE '" + text + "'; kept undated");
    }
    Optional<LocalTime> time = time(text.substring(day.end()).strip());
    Instant instant =
        time.map(t -> date.atTime(t).toInstant(ZoneOffset.UTC))
            .orElse(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    // README: a DATE may be "followed by some non-date noise material"; that is no oddity.
    if (WELL_FORMED.matcher(text).lookingAt() && time.isPresent()) {
      return new ReutersDate(instant, "");
    }
    String reading = time.isPresent() ? instant.toString() : date + " (day only)";
    return new ReutersDate(instant, "odd DATE '" + text + "' read as " + reading);
  }

  private static Optional<LocalTime> time(String text) {
    Matcher matcher = TIME.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    try {
      String fraction = matcher.group(4) == null ? "" : matcher.group(4);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      return Optional.of(
          LocalTime.of(
              Integer.parseInt(matcher.group(1)),
              Integer.parseInt(matcher.group(2)),
              Integer.parseInt(matcher.group(3)),
              nanos));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
