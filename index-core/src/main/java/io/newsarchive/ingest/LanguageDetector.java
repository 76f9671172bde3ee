package io.newsarchive.ingest;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import io.newsarchive.article.Article;
import io.newsarchive.schema.TextLanguages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tells the language of an article that its reader gave none, from its headline and the start of
 * its body, among the languages with an analyzer of their own ({@link TextLanguages}) and Polish
 * and Ukrainian, which would otherwise pass for Czech and Russian. Built on Optimaize's n-gram
 * detector, chosen over Lingua by measurement (README, "Languages"). Immutable and thread-safe;
 * loading the profiles takes about a second and 33 MB of heap, so build one and share it.
 */
public final class LanguageDetector {

  /** Characters of the body read after the headline: plenty for a short-text detector. */
  static final int BODY_CHARS = 300;

  /** The least probability at which a detected language is believed. */
  static final double MIN_PROBABILITY = 0.5;

  private static final Set<String> WITHOUT_ANALYZER = Set.of("pl", "uk");

  private final com.optimaize.langdetect.LanguageDetector detector;

  /** A detector with its language profiles loaded. */
  public LanguageDetector() {
    List<LdLocale> candidates = new ArrayList<>();
    for (LdLocale locale : BuiltInLanguages.getLanguages()) {
      String code = locale.getLanguage();
      // The detector knows Chinese twice, by script; either is zh.
      if (TextLanguages.analyzed().contains(code) || WITHOUT_ANALYZER.contains(code)) {
        candidates.add(locale);
      }
    }
    try {
      List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(candidates);
      detector =
          LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the language profiles", e);
    }
  }

  /**
   * {@code article} with its language detected when it has none; an article whose language is
   * known, or whose text no language is likely for, is returned as it is. The shared detector is
   * loaded by the first article without a language, so input that declares its language (Reuters,
   * most feeds) never pays for it.
   */
  public static Article withLanguage(Article article) {
    if (!article.language().isEmpty()) {
      return article;
    }
    String language = Shared.DETECTOR.detect(article.title(), article.body());
    return language.isEmpty() ? article : article.withLanguage(language);
  }

  /** Holds the one detector of the process, loaded when first used. */
  private static final class Shared {
    static final LanguageDetector DETECTOR = new LanguageDetector();
  }

  /**
   * The ISO 639-1 code of the likeliest language of a headline and body, or empty when no language
   * reaches {@value #MIN_PROBABILITY}.
   */
  public String detect(String title, String body) {
    String text = title + "\n" + body.substring(0, Math.min(body.length(), BODY_CHARS));
    List<DetectedLanguage> likely = detector.getProbabilities(text);
    if (likely.isEmpty() || likely.get(0).getProbability() < MIN_PROBABILITY) {
      return "";
    }
    return likely.get(0).getLocale().getLanguage();
  }
}
