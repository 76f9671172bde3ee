package io.newsarchive.schema;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The languages whose headlines and bodies are analyzed by a Lucene analyzer of their own, by ISO
 * 639-1 code: the analyzers Lucene's analysis-common module ships, each with its stop words and
 * stemmer ({@code fa} with {@link PersianAnalyzer}'s normalizer and stemmer). Every other article,
 * and every article whose language is unknown, is analyzed as English, as before languages were
 * told apart. Stateless and thread-safe.
 */
public final class TextLanguages {

  /** The language of every article without an analyzer of its own. */
  public static final String DEFAULT = "en";

  private static final Map<String, Supplier<Analyzer>> ANALYZERS =
      Map.ofEntries(
          Map.entry("ar", ArabicAnalyzer::new),
          Map.entry("bg", BulgarianAnalyzer::new),
          Map.entry("bn", BengaliAnalyzer::new),
          Map.entry("ca", CatalanAnalyzer::new),
          Map.entry("cs", CzechAnalyzer::new),
          Map.entry("da", DanishAnalyzer::new),
          Map.entry("de", GermanAnalyzer::new),
          Map.entry("el", GreekAnalyzer::new),
          Map.entry("en", EnglishAnalyzer::new),
          Map.entry("es", SpanishAnalyzer::new),
          Map.entry("et", EstonianAnalyzer::new),
          Map.entry("eu", BasqueAnalyzer::new),
          Map.entry("fa", PersianAnalyzer::new),
          Map.entry("fi", FinnishAnalyzer::new),
          Map.entry("fr", FrenchAnalyzer::new),
          Map.entry("ga", IrishAnalyzer::new),
          Map.entry("gl", GalicianAnalyzer::new),
          Map.entry("hi", HindiAnalyzer::new),
          Map.entry("hu", HungarianAnalyzer::new),
          Map.entry("hy", ArmenianAnalyzer::new),
          Map.entry("id", IndonesianAnalyzer::new),
          Map.entry("it", ItalianAnalyzer::new),
          // Chinese, Japanese and Korean: overlapping bigrams of their scripts.
          Map.entry("ja", CJKAnalyzer::new),
          Map.entry("ko", CJKAnalyzer::new),
          Map.entry("lt", LithuanianAnalyzer::new),
          Map.entry("lv", LatvianAnalyzer::new),
          Map.entry("ne", NepaliAnalyzer::new),
          Map.entry("nl", DutchAnalyzer::new),
          Map.entry("no", NorwegianAnalyzer::new),
          Map.entry("pt", PortugueseAnalyzer::new),
          Map.entry("ro", RomanianAnalyzer::new),
          Map.entry("ru", RussianAnalyzer::new),
          Map.entry("sr", SerbianAnalyzer::new),
          Map.entry("sv", SwedishAnalyzer::new),
          Map.entry("ta", TamilAnalyzer::new),
          Map.entry("te", TeluguAnalyzer::new),
          Map.entry("th", ThaiAnalyzer::new),
          Map.entry("tr", TurkishAnalyzer::new),
          Map.entry("zh", CJKAnalyzer::new));

  private TextLanguages() {}

  /** The codes of every language with an analyzer of its own, {@link #DEFAULT} included. */
  public static Set<String> analyzed() {
    return ANALYZERS.keySet();
  }

  /**
   * The language whose analyzer reads an article in {@code language}: the language itself when it
   * has one, else {@link #DEFAULT}.
   */
  public static String analysisLanguage(String language) {
    return ANALYZERS.containsKey(language) ? language : DEFAULT;
  }

  /**
   * A new analyzer of headline and body text in {@code language}, which must have one of its own
   * ({@link #analyzed()}). Analyzers are thread-safe: build one per language and share it.
   *
   * @throws IllegalArgumentException when {@code language} has no analyzer of its own
   */
  public static Analyzer textAnalyzer(String language) {
    Supplier<Analyzer> analyzer = ANALYZERS.get(language);
    if (analyzer == null) {
      throw new IllegalArgumentException("no analyzer for language '" + language + "'");
    }
    return analyzer.get();
  }
}
