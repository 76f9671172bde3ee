package io.newsarchive.cli;

import io.newsarchive.ingest.JsonFieldMapping;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a {@code --json-mapping} value through {@link JsonFieldMapping#parse}. */
final class JsonMappingConverter implements ITypeConverter<JsonFieldMapping> {
  @Override
  public JsonFieldMapping convert(String value) {
    try {
      return JsonFieldMapping.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
