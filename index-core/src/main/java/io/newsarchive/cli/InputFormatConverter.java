package io.newsarchive.cli;

import io.newsarchive.ingest.InputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a {@code --format} value through {@link InputFormat#parse}. */
final class InputFormatConverter implements ITypeConverter<InputFormat> {
  @Override
  public InputFormat convert(String value) {
    try {
      return InputFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
