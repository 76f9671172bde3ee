package io.newsarchive.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Which raw-Lucene baselines {@code bench} measures besides the server. */
enum RawBaseline {
  /** The page built by Lucene calls in this process, no HTTP. */
  DIRECT,
  /** The same page served by the JDK's HTTP server as JSON. */
  HTTP,
  BOTH,
  NONE;

  boolean direct() {
    return this == DIRECT || this == BOTH;
  }

  boolean http() {
    return this == HTTP || this == BOTH;
  }

  /** Parses {@code direct}, {@code http}, {@code both} or {@code none}. */
  static final class Converter implements ITypeConverter<RawBaseline> {
    @Override
    public RawBaseline convert(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected direct, http, both or none, got '" + value + "'");
      }
    }
  }
}
