package io.newsarchive.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Which instant of a day a date-only publication bound stands for. */
public enum DateBound {
  /** The first instant of the day: a lower bound. */
  START,
  /** The last instant of the day: an upper bound. */
  END;

  /**
   * The instant that {@code text}, the value of parameter {@code name}, stands for: an ISO date
   * (this end of the day, UTC) or date-time (UTC when no offset is given); {@code null} when blank.
   *
   * @throws InvalidRequestException naming the parameter when the text is no ISO date
   */
  Instant parse(String name, String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return this == END
            ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
            : day.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          name,
          name + " is not an ISO date: '" + value + "'",
          "use 2020-01-31 or 2020-01-31T12:00:00Z (UTC when no offset is given)");
    }
  }
}
