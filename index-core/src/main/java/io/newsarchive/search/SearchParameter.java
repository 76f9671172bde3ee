package io.newsarchive.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One request parameter, declared once: its URL name, value type, default, limits, validation and
 * one-line description. Requests, the HTTP binding and the API document all read a parameter from
 * this declaration. Immutable and thread-safe.
 *
 * @param <T> the type of the parameter's value
 */
public final class SearchParameter<T> {

  /** Whether a parameter may be given more than once in a URL. */
  public enum Arity {
    /** At most once. */
    ONCE,
    /** Any number of times; the values form a list. */
    REPEATED
  }

  /** Longest accepted text of a single-valued text parameter, in characters. */
  static final int MAX_TEXT_LENGTH = 2_000;

  /** Most values accepted for one repeatable parameter. */
  public static final int MAX_VALUES = 50;

  private final String name;
  private final String doc;
  private final T defaultValue;
  private final Arity arity;
  private final Function<List<String>, T> parser;
  private final UnaryOperator<T> check;
  private final Map<String, Object> schema;
  private final boolean required;

  private SearchParameter(
      Definition<T> definition, Function<List<String>, T> parser, UnaryOperator<T> check) {
    this.name = definition.name;
    this.doc = definition.doc;
    this.defaultValue = definition.defaultValue;
    this.arity = definition.arity;
    this.parser = parser;
    this.check = check;
    this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(definition.schema));
    if (defaultValue != null) {
      check.apply(defaultValue);
    }
    this.required = defaultValue == null && !isValid(check);
  }

  private static <T> boolean isValid(UnaryOperator<T> check) {
    try {
      check.apply(null);
      return true;
    } catch (InvalidRequestException e) {
      return false;
    }
  }

  /** The parts every kind of parameter has; the schema is the JSON Schema of its value. */
  private record Definition<T>(
      String name, String doc, T defaultValue, Arity arity, Map<String, Object> schema) {}

  /** A single text value, stripped, at most {@link #MAX_TEXT_LENGTH} characters; default empty. */
  public static SearchParameter<String> text(String name, String doc) {
    Map<String, Object> schema = ordered("type", "string", "maxLength", MAX_TEXT_LENGTH);
    return new SearchParameter<>(
        new Definition<>(name, doc, "", Arity.ONCE, schema),
        values -> values.get(0),
        value -> {
          String text = value == null ? "" : value.strip();
          if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidRequestException(
                name, name + " too long", "use at most " + MAX_TEXT_LENGTH + " characters");
          }
          return text;
        });
  }

  /** A whole number from {@code min} to {@code max}, {@code fallback} when absent. */
  public static SearchParameter<Integer> integer(
      String name, String doc, int fallback, IntRange range) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "integer");
    schema.put("minimum", range.min());
    if (range.max() < Integer.MAX_VALUE) {
      schema.put("maximum", range.max());
    }
    schema.put("default", fallback);
    return new SearchParameter<>(
        new Definition<>(name, doc, fallback, Arity.ONCE, schema),
        values -> parseInteger(name, values.get(0), fallback),
        value -> range.check(name, value));
  }

  /** A yes-or-no switch, {@code true} or {@code false} in any case; {@code false} when absent. */
  public static SearchParameter<Boolean> flag(String name, String doc) {
    return new SearchParameter<>(
        new Definition<>(
            name, doc, false, Arity.ONCE, ordered("type", "boolean", "default", false)),
        values -> {
          String text = values.get(0).strip();
          if (text.isEmpty() || text.equalsIgnoreCase("false")) {
            return false;
          }
          if (text.equalsIgnoreCase("true")) {
            return true;
          }
          throw new InvalidRequestException(
              name, name + " is neither true nor false: '" + text + "'", "use true or false");
        },
        value -> value != null && value);
  }

  /**
   * A publication bound: an ISO date (the whole day, UTC) or date-time (UTC when no offset is
   * given); absent means open. A date means its first instant for a lower bound, its last for an
   * upper bound.
   */
  public static SearchParameter<Instant> instant(String name, String doc, DateBound bound) {
    return new SearchParameter<>(
        new Definition<>(name, doc, null, Arity.ONCE, ordered("type", "string")),
        values -> bound.parse(name, values.get(0)),
        value -> value);
  }

  /** Repeatable exact names, blanks dropped, at most {@link #MAX_VALUES}; default none. */
  public static SearchParameter<List<String>> names(String name, String doc) {
    Map<String, Object> schema =
        ordered("type", "array", "items", ordered("type", "string"), "maxItems", MAX_VALUES);
    return new SearchParameter<>(
        new Definition<>(name, doc, List.of(), Arity.REPEATED, schema),
        values -> values,
        values -> {
          List<String> clean = new ArrayList<>();
          for (String value : values == null ? List.<String>of() : values) {
            if (value != null && !value.isBlank()) {
              clean.add(value.strip());
            }
          }
          if (clean.size() > MAX_VALUES) {
            throw new InvalidRequestException(
                name, "too many " + name + " values", "give at most " + MAX_VALUES);
          }
          return List.copyOf(clean);
        });
  }

  /**
   * A single value read from its text by {@code parse}, which throws {@link
   * IllegalArgumentException} with a message saying what is wrong and what is accepted; absent (and
   * blank) means {@code null}, left for the caller to decide.
   */
  public static <T> SearchParameter<T> parsed(
      String name, String doc, Function<String, T> parse, String example) {
    Map<String, Object> schema = ordered("type", "string", "example", example);
    return new SearchParameter<>(
        new Definition<>(name, doc, null, Arity.ONCE, schema),
        values -> {
          String text = values.get(0).strip();
          if (text.isEmpty()) {
            return null;
          }
          try {
            return parse.apply(text);
          } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "malformed " + name, e.getMessage());
          }
        },
        value -> value);
  }

  /**
   * One of the constants of {@code type}, named by {@code key}, case-insensitively; {@code
   * fallback} when absent, or required when {@code fallback} is {@code null}.
   */
  public static <E extends Enum<E>> SearchParameter<E> choice(
      String name, String doc, Class<E> type, E fallback, Function<E, String> key) {
    List<E> constants = Arrays.asList(type.getEnumConstants());
    List<String> keys = constants.stream().map(key).toList();
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "string");
    schema.put("enum", keys);
    if (fallback != null) {
      schema.put("default", key.apply(fallback));
    }
    return new SearchParameter<>(
        new Definition<>(name, doc, fallback, Arity.ONCE, schema),
        values -> {
          String text = values.get(0).strip();
          if (text.isEmpty()) {
            return fallback;
          }
          for (E constant : constants) {
            if (key.apply(constant).equalsIgnoreCase(text)) {
              return constant;
            }
          }
          throw new InvalidRequestException(
              name, "unknown " + name + " '" + text + "'", "use " + alternatives(keys));
        },
        value -> {
          if (value == null) {
            throw new InvalidRequestException(name, "missing " + name, "use " + alternatives(keys));
          }
          return value;
        });
  }

  /**
   * A comma-separated subset of the constants of {@code type}; absent means {@code defaults}, empty
   * none.
   */
  public static <E extends Enum<E>> SearchParameter<Set<E>> subset(
      String name, String doc, Set<E> defaults, Function<E, String> key) {
    Class<E> type = defaults.iterator().next().getDeclaringClass();
    List<E> constants = Arrays.asList(type.getEnumConstants());
    List<String> keys = constants.stream().map(key).toList();
    Map<String, Object> schema = ordered("type", "string", "example", String.join(",", keys));
    return new SearchParameter<>(
        new Definition<>(name, doc, Set.copyOf(defaults), Arity.ONCE, schema),
        values -> {
          Set<E> chosen = EnumSet.noneOf(type);
          for (String part : values.get(0).split(",")) {
            String text = part.strip();
            if (text.isEmpty()) {
              continue;
            }
            chosen.add(
                constants.stream()
                    .filter(c -> key.apply(c).equalsIgnoreCase(text))
                    .findFirst()
                    .orElseThrow(() ->
                        new InvalidRequestException(
                            name,
                            "unknown " + name + " value '" + text + "'",
                            "use " + alternatives(keys))));
          }
          return chosen;
        },
        value -> value == null ? Set.of() : Set.copyOf(value));
  }

  /** The name in URLs and error messages, e.g. {@code facetSize}. */
  public String name() {
    return name;
  }

  /** What the parameter means, in one sentence. */
  public String doc() {
    return doc;
  }

  /** The value when the parameter is absent; {@code null} only for open date bounds. */
  public T defaultValue() {
    return defaultValue;
  }

  /** Whether the parameter may be repeated. */
  public Arity arity() {
    return arity;
  }

  /** Whether a request must give this parameter, having no default to fall back on. */
  public boolean required() {
    return required;
  }

  /** The JSON Schema of the parameter's value, for the API document. */
  public Map<String, Object> schema() {
    return schema;
  }

  /**
   * The value of the texts given for this parameter in a URL, validated; the default when none are
   * given.
   *
   * @throws InvalidRequestException naming this parameter when a value is malformed, out of range,
   *     or repeated though the parameter takes one value
   */
  public T parse(List<String> texts) {
    if (texts.isEmpty()) {
      // A parameter without a default (an open date bound, a required choice) decides itself.
      return defaultValue == null ? check(null) : defaultValue;
    }
    if (arity == Arity.ONCE && texts.size() > 1) {
      throw new InvalidRequestException(
          name, "repeated parameter '" + name + "'", "give " + name + " once");
    }
    return check(parser.apply(texts));
  }

  /**
   * {@code value} validated and normalized (stripped, copied).
   *
   * @throws InvalidRequestException naming this parameter when the value is invalid
   */
  public T check(T value) {
    return check.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static int parseInteger(String name, String text, int fallback) {
    String value = text.strip();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          name, name + " is not a whole number: '" + value + "'", "give digits, e.g. " + fallback);
    }
  }

  private static String alternatives(List<String> keys) {
    if (keys.size() == 1) {
      return keys.get(0);
    }
    return keys.subList(0, keys.size() - 1).stream().collect(Collectors.joining(", "))
        + " or "
        + keys.get(keys.size() - 1);
  }
}
