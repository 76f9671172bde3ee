package io.newsarchive.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** When the index command draws a progress bar. */
enum ProgressMode {
  /** Only when standard error is a terminal and not in CI. */
  AUTO,
  ALWAYS,
  NEVER;

  /** Whether to draw the bar in this environment. */
  boolean enabled() {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> System.console() != null && System.getenv("CI") == null;
    };
  }

  /** Parses {@code auto}, {@code always} or {@code never}. */
  static final class Converter implements ITypeConverter<ProgressMode> {
    @Override
    public ProgressMode convert(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected auto, always or never, got '" + value + "'");
      }
    }
  }
}
