package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed query parameters of one request. Every bad value becomes an {@link
 * InvalidRequestException} that names the parameter; so does a parameter the route does not know,
 * so that a misspelt name is never silently ignored.
 */
final class QueryParams {

  private final Context ctx;

  private QueryParams(Context ctx) {
    this.ctx = ctx;
  }

  /** The parameters of {@code ctx}, after checking that each name is one of {@code known}. */
  static QueryParams of(Context ctx, Set<String> known) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        throw new InvalidRequestException(
            name,
            "unknown parameter '" + name + "'",
            "this route takes " + String.join(", ", new TreeSet<>(known)));
      }
    }
    return new QueryParams(ctx);
  }

  /** The single value of {@code name}, or {@code fallback} when absent. */
  String text(String name, String fallback) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty()) {
      return fallback;
    }
    if (values.size() > 1) {
      throw new InvalidRequestException(
          name, "repeated parameter '" + name + "'", "give " + name + " once");
    }
    return values.get(0);
  }

  /** Every value of a repeatable parameter, blank ones dropped. */
  List<String> all(String name) {
    return ctx.queryParams(name).stream().filter(v -> !v.isBlank()).toList();
  }

  /** The whole number {@code name}, or {@code fallback} when absent or blank. */
  int integer(String name, int fallback) {
    String value = text(name, "").strip();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          name, name + " is not a whole number: '" + value + "'", "give digits, e.g. " + fallback);
    }
  }

  /** The instant that starts the date or date-time {@code name}, or {@code null} when absent. */
  Instant from(String name) {
    return instant(name, false);
  }

  /** The last instant of the date, or the date-time, {@code name}; {@code null} when absent. */
  Instant to(String name) {
    return instant(name, true);
  }

  private Instant instant(String name, boolean endOfDay) {
    String value = text(name, "").strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return endOfDay
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
