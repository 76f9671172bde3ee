package io.newsarchive.ingest;

import java.time.ZoneId;
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
 * @param jsonSource the source name for JSON records whose source field is missing or blank; empty
 *     means the file name without its {@code .jsonl}/{@code .json}/{@code .gz} extensions
 * @param maxRecordChars the most characters of text one record may have: a JSON line, a WARC
 *     payload, an SGML, SMART or Kayhan record; a longer one is passed over without being held in
 *     memory and rejected with its position
 */
public record ReadOptions(
    ZoneId kayhanZone,
    Optional<JsonFieldMapping> jsonMapping,
    String jsonSource,
    int maxRecordChars) {

  /** The zone in which Kayhan International dates its articles. */
  public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  /**
   * The default record limit, 16 Mi characters: a thousand times a long news article, and small
   * enough that a few readers at once stay within a default heap.
   */
  public static final int DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

  /**
   * Validates that the zone and mapping are present and the record limit positive; a null source
   * name becomes empty.
   */
  public ReadOptions {
    Objects.requireNonNull(kayhanZone, "kayhanZone");
    Objects.requireNonNull(jsonMapping, "jsonMapping");
    jsonSource = jsonSource == null ? "" : jsonSource.strip();
    if (maxRecordChars < 1) {
      throw new IllegalArgumentException(
          "the record size limit must be positive, got " + maxRecordChars);
    }
  }

  /**
   * Kayhan dates in Asia/Tehran, JSON mapping chosen by the first record, source from the file,
   * records up to {@link #DEFAULT_MAX_RECORD_CHARS}.
   */
  public static ReadOptions defaults() {
    return new ReadOptions(TEHRAN, Optional.empty(), "", DEFAULT_MAX_RECORD_CHARS);
  }

  /** These options with another zone for Kayhan-style dates. */
  public ReadOptions withKayhanZone(ZoneId zone) {
    return new ReadOptions(zone, jsonMapping, jsonSource, maxRecordChars);
  }

  /** These options with a fixed JSON mapping instead of the automatic choice. */
  public ReadOptions withJsonMapping(JsonFieldMapping mapping) {
    return new ReadOptions(kayhanZone, Optional.of(mapping), jsonSource, maxRecordChars);
  }

  /** These options with a source name for JSON records that carry none. */
  public ReadOptions withJsonSource(String source) {
    return new ReadOptions(kayhanZone, jsonMapping, source, maxRecordChars);
  }

  /** These options with another limit on a record's characters. */
  public ReadOptions withMaxRecordChars(int limit) {
    return new ReadOptions(kayhanZone, jsonMapping, jsonSource, limit);
  }
}
