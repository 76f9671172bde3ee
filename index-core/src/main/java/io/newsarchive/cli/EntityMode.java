package io.newsarchive.cli;

import io.newsarchive.entities.EntityExtractor;
import io.newsarchive.entities.NamedEntityExtractor;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Whether the index command extracts named entities. */
enum EntityMode {
  /** Extract people, organizations and places with the bundled model. */
  MODEL,
  /** Index without entities (faster). */
  NONE;

  /**
   * The extractor for this mode. The model loads in the background (most of a second), while the
   * index opens and the first files are read.
   */
  EntityExtractor extractor() {
    return switch (this) {
      case MODEL -> EntityExtractor.loadedInBackground(NamedEntityExtractor::loadDefault);
      case NONE -> EntityExtractor.none();
    };
  }

  /** Parses {@code model} or {@code none}. */
  static final class Converter implements ITypeConverter<EntityMode> {
    @Override
    public EntityMode convert(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected model or none, got '" + value + "'");
      }
    }
  }
}
