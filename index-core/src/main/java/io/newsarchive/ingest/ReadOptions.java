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
 */
public record ReadOptions(
    ZoneId kayhanZone, Optional<JsonFieldMapping> jsonMapping, String jsonSource) {

  /** The zone in which Kayhan International dates its articles. */
  public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  /** Validates that the zone and mapping are present; a null source name becomes empty. */
  public ReadOptions {
    Objects.requireNonNull(kayhanZone, "kayhanZone");
    Objects.requireNonNull(jsonMapping, "jsonMapping");
    jsonSource = jsonSource == null ? "" : jsonSource.strip();
  }

  /** Kayhan dates in Asia/Tehran, JSON mapping chosen by the first record, source from the file. */
  public static ReadOptions defaults() {
    return new ReadOptions(TEHRAN, Optional.empty(), "");
  }

  /** These options with another zone for Kayhan-style dates. */
  public ReadOptions withKayhanZone(ZoneId zone) {
    return new ReadOptions(zone, jsonMapping, jsonSource);
  }

  /** These options with a fixed JSON mapping instead of the automatic choice. */
  public ReadOptions withJsonMapping(JsonFieldMapping mapping) {
    return new ReadOptions(kayhanZone, Optional.of(mapping), jsonSource);
  }

  /** These options with a source name for JSON records that carry none. */
  public ReadOptions withJsonSource(String source) {
    return new ReadOptions(kayhanZone, jsonMapping, source);
  }
}
