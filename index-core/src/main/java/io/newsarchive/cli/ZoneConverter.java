package io.newsarchive.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a time-zone id such as {@code Asia/Tehran} or {@code UTC}. */
final class ZoneConverter implements ITypeConverter<ZoneId> {
  @Override
  public ZoneId convert(String value) {
    try {
      return ZoneId.of(value.trim());
    } catch (DateTimeException e) {
      throw new TypeConversionException(
          "unknown time zone '" + value + "': use an id such as Asia/Tehran or UTC");
    }
  }
}
