package io.newsarchive.cli;

import io.newsarchive.ingest.TextDating;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses the {@code --date} of plain-text articles, such as {@code 2005-03-14}. */
final class TextDatingConverter implements ITypeConverter<TextDating> {
  @Override
  public TextDating convert(String value) {
    try {
      return TextDating.fixed(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
