package io.newsarchive.article;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Normalizes the language tags sources declare to an ISO 639-1 code: {@code en-US}, {@code en_GB}
 * and {@code EN} become {@code en}; three-letter codes ({@code fas}, {@code per}, {@code deu},
 * {@code ger}) and English language names ({@code Persian}, {@code Farsi}) become their two-letter
 * code. A tag none of these recognizes keeps its primary subtag, lower-cased. Stateless and
 * thread-safe.
 */
final class LanguageTags {

  private static final Map<String, String> TO_TWO_LETTERS = twoLetterCodes();

  private LanguageTags() {}

  /** The ISO 639-1 code of {@code tag}, or its lower-cased primary subtag; empty stays empty. */
  static String normalize(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = lower.indexOf('-');
    String primary = dash < 0 ? lower : lower.substring(0, dash);
    return TO_TWO_LETTERS.getOrDefault(primary, primary);
  }

  private static Map<String, String> twoLetterCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOLanguages()) {
      Locale locale = Locale.of(code);
      try {
        codes.put(locale.getISO3Language(), code);
      } catch (MissingResourceException e) {
        // A code without a three-letter form is only known by its two letters.
      }
      codes.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    // The bibliographic codes of ISO 639-2 that differ from the terminological ones above.
    Map<String, String> bibliographic =
        Map.ofEntries(
            Map.entry("alb", "sq"),
            Map.entry("arm", "hy"),
            Map.entry("baq", "eu"),
            Map.entry("chi", "zh"),
            Map.entry("cze", "cs"),
            Map.entry("dut", "nl"),
            Map.entry("fre", "fr"),
            Map.entry("geo", "ka"),
            Map.entry("ger", "de"),
            Map.entry("gre", "el"),
            Map.entry("ice", "is"),
            Map.entry("mac", "mk"),
            Map.entry("may", "ms"),
            Map.entry("per", "fa"),
            Map.entry("rum", "ro"),
            Map.entry("slo", "sk"),
            Map.entry("wel", "cy"));
    codes.putAll(bibliographic);
    codes.put("farsi", "fa");
    return Map.copyOf(codes);
  }
}
