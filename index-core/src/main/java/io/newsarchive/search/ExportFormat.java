package io.newsarchive.search;

import java.util.Locale;

/** The file formats an export of search results is written in. */
public enum ExportFormat {
  /** Comma-separated values, RFC 4180: a header row, CRLF line ends, UTF-8 without a BOM. */
  CSV("text/csv; charset=utf-8", "csv"),
  /** JSON Lines: one JSON object per article, each on its own line ending in LF, UTF-8. */
  JSONL("application/x-ndjson", "jsonl");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The lower-case name used in URLs and on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The media type of the format, with its charset where the type has one. */
  public String contentType() {
    return contentType;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }
}
