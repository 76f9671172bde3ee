package io.newsarchive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed access to the fields of one JSON Lines record, failing with a message that names the field
 * and what it holds instead. Not thread-safe.
 */
final class JsonRecord {

  private final JsonNode node;

  JsonRecord(JsonNode node) {
    this.node = node;
  }

  /**
   * The field's node, or null when the name is empty or the field is missing or JSON {@code null}.
   */
  JsonNode value(String name) {
    if (name.isEmpty()) {
      return null;
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /**
   * The field's text, or empty when it is absent.
   *
   * @throws IllegalArgumentException when the field is not a string
   */
  String text(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return "";
    }
    if (!value.isTextual()) {
      throw wrongType(name, value, "a string");
    }
    return value.textValue();
  }

  /**
   * The field as an id: a string or an integer, or empty when absent.
   *
   * @throws IllegalArgumentException when the field is neither
   */
  String id(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return "";
    }
    if (value.isTextual() || value.isIntegralNumber()) {
      return value.asText();
    }
    throw wrongType(name, value, "a string or an integer");
  }

  /**
   * The field as bylines: an array of strings, or one string; empty when absent.
   *
   * @throws IllegalArgumentException when the field or an array element is not a string
   */
  List<String> authors(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return List.of();
    }
    if (value.isTextual()) {
      return List.of(value.textValue());
    }
    if (!value.isArray()) {
      throw wrongType(name, value, "an array of strings or a string");
    }
    List<String> authors = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw wrongType(name, element, "an array of strings");
      }
      authors.add(element.textValue());
    }
    return authors;
  }

  private static IllegalArgumentException wrongType(String name, JsonNode value, String expected) {
    return new IllegalArgumentException(
        "field '"
            + name
            + "' must be "
            + expected
            + ", not "
            + value.getNodeType().name().toLowerCase(Locale.ROOT));
  }
}
