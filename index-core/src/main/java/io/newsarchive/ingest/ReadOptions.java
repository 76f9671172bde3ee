package io.newsarchive.ingest;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the readers cannot learn from the files themselves. Immutable, so thread-safe.
 *
 * @param kayhanZone the time zone of the local times in Kayhan-style text files ({@code Publish
 *     Date : 26 September 2020 - 21:55}); the site publishes in Tehran time
 * @param jsonMapping which JSON fields hold which article fields; empty means "choose by the first
 *     record": {@link JsonFieldMapping#RSS_NEWS_2023} when it has both {@code source_title} and
 *     {@code date_published}, else {@link JsonFieldMapping#DEFAULT}
 * @param source how articles whose files name no source get one: JSON records without a source
 *     field, and plain-text files; a fixed name also replaces the source that feeds and HTML pages
 *     name themselves
 * @param language the language of plain-text articles, and of feed items and HTML pages that name
 *     none (an ISO 639-1 code such as {@code en}), or empty when unknown
 * @param maxRecordChars the most characters of text one record may have: a JSON line, a WARC
 *     payload, an SGML, SMART or Kayhan record, a plain-text file, and the most bytes of a feed or
 *     HTML file; a longer one is passed over without being held in memory and rejected with its
 *     position
 * @param archiveLimits what one zip or tar archive may expand to
 * @param textDates how plain-text articles whose sidecar gives no date get one
 */
public record ReadOptions(
    ZoneId kayhanZone,
    Optional<JsonFieldMapping> jsonMapping,
    SourceNaming source,
    String language,
    int maxRecordChars,
    ArchiveLimits archiveLimits,
    TextDating textDates) {

  /** The zone in which Kayhan International dates its articles. */
  public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  /**
   * The default record limit, 16 Mi characters: a thousand times a long news article, and small
   * enough that a few readers at once stay within a default heap.
   */
  public static final int DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

  /**
   * Validates that every part is present and the record limit positive; a null language becomes
   * empty.
   */
  public ReadOptions {
    Objects.requireNonNull(kayhanZone, "kayhanZone");
    Objects.requireNonNull(jsonMapping, "jsonMapping");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(archiveLimits, "archiveLimits");
    Objects.requireNonNull(textDates, "textDates");
    language = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (maxRecordChars < 1) {
      throw new IllegalArgumentException(
          "the record size limit must be positive, got " + maxRecordChars);
    }
  }

  /**
   * Kayhan dates in Asia/Tehran, JSON mapping chosen by the first record, sources from the input's
   * name, language unknown, records up to {@link #DEFAULT_MAX_RECORD_CHARS}, archives within {@link
   * ArchiveLimits#DEFAULT}, plain-text articles undated.
   */
  public static ReadOptions defaults() {
    return new ReadOptions(
        TEHRAN,
        Optional.empty(),
        SourceNaming.FROM_INPUT,
        "",
        DEFAULT_MAX_RECORD_CHARS,
        ArchiveLimits.DEFAULT,
        TextDating.NONE);
  }

  /** These options with another zone for Kayhan-style dates. */
  public ReadOptions withKayhanZone(ZoneId zone) {
    return new ReadOptions(
        zone, jsonMapping, source, language, maxRecordChars, archiveLimits, textDates);
  }

  /** These options with a fixed JSON mapping instead of the automatic choice. */
  public ReadOptions withJsonMapping(JsonFieldMapping mapping) {
    return new ReadOptions(
        kayhanZone,
        Optional.of(mapping),
        source,
        language,
        maxRecordChars,
        archiveLimits,
        textDates);
  }

  /** These options with one source name for JSON records that carry none and plain-text files. */
  public ReadOptions withJsonSource(String name) {
    return withSource(SourceNaming.named(name));
  }

  /** These options with another way of naming the source of articles whose files carry none. */
  public ReadOptions withSource(SourceNaming naming) {
    return new ReadOptions(
        kayhanZone, jsonMapping, naming, language, maxRecordChars, archiveLimits, textDates);
  }

  /** These options with a language for plain-text articles. */
  public ReadOptions withLanguage(String code) {
    return new ReadOptions(
        kayhanZone, jsonMapping, source, code, maxRecordChars, archiveLimits, textDates);
  }

  /** These options with another limit on a record's characters. */
  public ReadOptions withMaxRecordChars(int limit) {
    return new ReadOptions(
        kayhanZone, jsonMapping, source, language, limit, archiveLimits, textDates);
  }

  /** These options with other limits on what an archive may expand to. */
  public ReadOptions withArchiveLimits(ArchiveLimits limits) {
    return new ReadOptions(
        kayhanZone, jsonMapping, source, language, maxRecordChars, limits, textDates);
  }

  /** These options with another rule for the dates of plain-text articles. */
  public ReadOptions withTextDates(TextDating dating) {
    return new ReadOptions(
        kayhanZone, jsonMapping, source, language, maxRecordChars, archiveLimits, dating);
  }
}
