package io.newsarchive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the date values that JSON exports use: ISO-8601 text with {@code T} or a space, with or
 * without fractional seconds and offset ({@code Z}, {@code +00:00}, {@code +0000}, {@code +05}),
 * date-only ISO text, RFC 1123 text ({@code Tue, 3 Jun 2008 11:05:30 GMT}), and epoch numbers.
 * Values without an offset are taken as UTC. Stateless.
 */
final class JsonDates {

  /** Epoch numbers at least this large are milliseconds (from 1973 on); smaller ones seconds. */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  private JsonDates() {}

  /**
   * The instant a JSON date value stands for.
   *
   * @throws IllegalArgumentException when the value is neither a readable date text nor a number
   */
  static Instant parse(JsonNode value) {
    if (value.isNumber()) {
      return epoch(value.decimalValue());
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "a date must be text or an epoch number, not "
              + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return parse(value.textValue());
  }

  /**
   * The instant a date text stands for.
   *
   * @throws IllegalArgumentException when the text is in none of the accepted forms
   */
  static Instant parse(String text) {
    String trimmed = text.strip();
    try {
      TemporalAccessor parsed =
          ISO.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      return switch (parsed) {
        case OffsetDateTime offset -> offset.toInstant();
        case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
        case LocalDate date -> date.atStartOfDay().toInstant(ZoneOffset.UTC);
        default -> throw new IllegalStateException("unexpected date type " + parsed);
      };
    } catch (DateTimeException isoFailure) {
      try {
        return OffsetDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeException rfcFailure) {
        throw new IllegalArgumentException(
            "unreadable date '" + text + "': expected ISO-8601, RFC 1123 or epoch seconds/millis");
      }
    }
  }

  private static Instant epoch(BigDecimal number) {
    BigDecimal seconds =
        number.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0
            ? number.movePointLeft(3)
            : number;
    try {
      long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
      int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
      return Instant.ofEpochSecond(whole, nanos);
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("epoch number " + number + " is out of range");
    }
  }
}
