package io.newsarchive.cli;

import io.newsarchive.ingest.SourceFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a {@code --format} value through {@link SourceFormat#parse}. */
final class SourceFormatConverter implements ITypeConverter<SourceFormat> {
  @Override
  public SourceFormat convert(String value) {
    try {
      return SourceFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
