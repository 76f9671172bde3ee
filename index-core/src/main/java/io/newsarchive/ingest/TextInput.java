package io.newsarchive.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens input files for the readers: gzip is recognized by its magic bytes and decompressed on the
 * fly, and a UTF-8 byte order mark is dropped, so every reader sees plain text whatever the file
 * name says.
 */
final class TextInput {

  /** How much of a file {@link #head} reads for format detection. */
  static final int HEAD_CHARS = 64 * 1024;

  private static final int BUFFER = 64 * 1024;

  private TextInput() {}

  /** A buffered stream of the file's bytes, decompressed when the file is gzip. */
  static InputStream openStream(Path file) throws IOException {
    InputStream in = openUnbuffered(file);
    return in instanceof GZIPInputStream ? new BufferedInputStream(in, BUFFER) : in;
  }

  /**
   * The file's bytes, decompressed when the file is gzip, without a buffer over the decompression:
   * a buffer's read-ahead would drop the bytes it holds when a truncated file fails.
   */
  private static InputStream openUnbuffered(Path file) throws IOException {
    return gunzipped(Files.newInputStream(file));
  }

  /**
   * The bytes of {@code in}, decompressed when they start with the gzip magic bytes; closes {@code
   * in} when that check fails.
   */
  static InputStream gunzipped(InputStream in) throws IOException {
    BufferedInputStream raw = new BufferedInputStream(in, BUFFER);
    try {
      raw.mark(2);
      int first = raw.read();
      int second = raw.read();
      raw.reset();
      if (first == 0x1f && second == 0x8b) {
        return new GZIPInputStream(raw, BUFFER);
      }
      return raw;
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * The file's lines in {@code charset}, each at most {@code maxLineChars} long, with a leading
   * byte order mark removed. Malformed bytes become U+FFFD rather than failing the whole file.
   */
  static LineInput openLines(Path file, Charset charset, int maxLineChars) throws IOException {
    return new LineInput(openUnbuffered(file), charset, maxLineChars);
  }

  /**
   * The lines of a stream in {@code charset}, as {@link #openLines(Path, Charset, int)} reads a
   * file's; the stream is decompressed when it is gzip.
   */
  static LineInput openLines(InputStream in, Charset charset, int maxLineChars) throws IOException {
    return new LineInput(gunzipped(in), charset, maxLineChars);
  }

  /**
   * Up to {@link #HEAD_CHARS} bytes from the start of a stream that supports {@link
   * InputStream#mark}, decoded as UTF-8, for format detection; the stream is reset to its start.
   */
  static String head(InputStream markable) throws IOException {
    markable.mark(HEAD_CHARS);
    try {
      byte[] head = markable.readNBytes(HEAD_CHARS);
      int start =
          head.length >= 3
                  && (head[0] & 0xff) == 0xef
                  && (head[1] & 0xff) == 0xbb
                  && (head[2] & 0xff) == 0xbf
              ? 3
              : 0;
      return new String(head, start, head.length - start, java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      markable.reset();
    }
  }

  /**
   * A reader over the file's text in {@code charset}, with a leading byte order mark removed.
   * Malformed bytes become U+FFFD rather than failing the whole file.
   */
  private static BufferedReader openReader(Path file, Charset charset) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(openStream(file), charset), BUFFER);
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      return reader;
    } catch (IOException e) {
      reader.close();
      throw e;
    }
  }

  /** Up to {@link #HEAD_CHARS} characters from the start of the file, for format detection. */
  static String head(Path file, Charset charset) throws IOException {
    try (BufferedReader reader = openReader(file, charset)) {
      char[] buffer = new char[HEAD_CHARS];
      int filled = 0;
      int read;
      while (filled < buffer.length
          && (read = reader.read(buffer, filled, buffer.length - filled)) > 0) {
        filled += read;
      }
      return new String(buffer, 0, filled);
    }
  }

  /** The text without trailing whitespace, counting no-break spaces as whitespace. */
  static String stripTrailing(String text) {
    int end = text.length();
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Whether the text is empty or only whitespace, counting no-break spaces as whitespace. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The text with runs of white space (no-break spaces included) as one space, stripped. */
  static String collapseSpaces(String text) {
    if (isCollapsed(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = !out.isEmpty();
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isCollapsed(String text) {
    char previous = ' ';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == ' ' && previous == ' ')
          || (c != ' ' && (Character.isWhitespace(c) || c == '\u00a0'))) {
        return false;
      }
      previous = c;
    }
    return previous != ' ' || text.isEmpty();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
