package io.newsarchive.search;

/**
 * The accepted range of a whole-number parameter.
 *
 * @param min smallest accepted value
 * @param max largest accepted value
 */
public record IntRange(int min, int max) {

  /** From {@code min} up, without an upper limit. */
  public static IntRange atLeast(int min) {
    return new IntRange(min, Integer.MAX_VALUE);
  }

  /** {@code value} when it lies in the range. */
  int check(String name, Integer value) {
    if (value == null || value < min || value > max) {
      throw new InvalidRequestException(
          name,
          name + " out of range",
          max == Integer.MAX_VALUE
              ? "use a " + name + " of at least " + min
              : "use a " + name + " from " + min + " to " + max);
    }
    return value;
  }
}
