package io.newsarchive.cli;

import io.newsarchive.ingest.InputFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

  /** The short names users type, e.g. {@code kayhan}, {@code feed}, for the option's help. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (InputFormat format : InputFormat.values()) {
        names.add(format.userName());
      }
      return names.iterator();
    }
  }
}
