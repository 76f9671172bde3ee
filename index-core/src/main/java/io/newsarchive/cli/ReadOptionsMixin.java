package io.newsarchive.cli;

import io.newsarchive.ingest.JsonFieldMapping;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.SourceNaming;
import io.newsarchive.ingest.TextDating;
import java.time.ZoneId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of {@code newsarchive index} that say what the input files cannot say themselves. */
final class ReadOptionsMixin {

  @Option(
      names = "--json-mapping",
      paramLabel = "SPEC",
      converter = JsonMappingConverter.class,
      description = {
        "JSON Lines field names, e.g. title=headline,body=text,published=date,source=site.",
        "Default: detected from the first record (our schema, or the rss-news-2023 export)."
      })
  JsonFieldMapping jsonMapping;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SourceChoice source;

  @Option(
      names = "--language",
      paramLabel = "CODE",
      description =
          "Language of plain-text articles, and of feeds and HTML pages that name none, an ISO"
              + " 639-1 code such as en (default: detected from each article's text).")
  String language;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  DateChoice date;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      defaultValue = "Asia/Tehran",
      converter = ZoneConverter.class,
      description = "Time zone of dates in Kayhan-style text files (default: ${DEFAULT-VALUE}).")
  ZoneId timezone;

  @Option(
      names = "--max-record-size",
      paramLabel = "CHARS",
      defaultValue = "" + ReadOptions.DEFAULT_MAX_RECORD_CHARS,
      description =
          "Longest record read, in characters of text (a JSON line, a WARC page, an SGML, SMART"
              + " or Kayhan record, a plain-text file; in bytes, a feed or an HTML file); a longer"
              + " one is rejected unread (default: ${DEFAULT-VALUE}).")
  int maxRecordChars;

  /** How articles whose files name no source get one: one name, or each file's folder. */
  static final class SourceChoice {
    @Option(
        names = {"--source", "--json-source"},
        paramLabel = "NAME",
        description =
            "Source name for plain-text files and for JSON records that carry none, and for every"
                + " feed item and HTML page instead of the feed's title or the page's site (default:"
                + " the name of the folder or file given).")
    String name;

    @Option(
        names = "--source-from-dir",
        description =
            "Take the source of each plain-text file from the folder that holds it, e.g."
                + " business for bbc/business/001.txt (a section of one collection).")
    boolean fromFolder;
  }

  /** How plain-text articles whose sidecar names no date get one: one date, or their path's. */
  static final class DateChoice {
    @Option(
        names = "--date",
        paramLabel = "DATE",
        converter = TextDatingConverter.class,
        description =
            "Publication date of plain-text articles whose sidecar gives none, e.g. 2005-03-14 or"
                + " 2005-03-14T09:30:00Z (default: undated).")
    TextDating fixed;

    @Option(
        names = "--date-from-path",
        description =
            "Date each plain-text article by the date its path spells, e.g. 2020/09/26/001.txt or"
                + " 2020-09-26/001.txt; a file whose path has none is kept undated and reported.")
    boolean fromPath;
  }

  /** The read options these command-line options give. */
  ReadOptions toReadOptions() {
    ReadOptions options =
        ReadOptions.defaults().withKayhanZone(timezone).withMaxRecordChars(maxRecordChars);
    if (jsonMapping != null) {
      options = options.withJsonMapping(jsonMapping);
    }
    if (source != null) {
      options =
          options.withSource(
              source.fromFolder ? SourceNaming.FROM_FOLDER : SourceNaming.named(source.name));
    }
    if (date != null) {
      options = options.withTextDates(date.fromPath ? TextDating.FROM_PATH : date.fixed);
    }
    return language == null ? options : options.withLanguage(language);
  }
}
