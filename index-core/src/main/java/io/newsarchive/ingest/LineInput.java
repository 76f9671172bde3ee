package io.newsarchive.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Reads text line by line, as {@link java.io.BufferedReader#readLine} does ({@code \n}, {@code \r}
 * or {@code \r\n} end a line), but never holds more than a set number of characters of one line: a
 * longer line is passed over to its end without being kept, and reported with {@link
 * OversizedRecordException}, so that one hostile line cannot exhaust the memory. Counts lines and
 * characters for messages.
 *
 * <p>It decodes the bytes itself, one read of the stream at a time, rather than through {@link
 * java.io.InputStreamReader}, whose read-ahead drops the text it has decoded when a later read
 * fails: a truncated gzip file would lose the lines before the break. A leading byte order mark is
 * dropped and malformed bytes become U+FFFD. Not thread-safe.
 */
final class LineInput implements Closeable {

  private static final int BUFFER = 64 * 1024;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final int maxLineChars;
  private final char[] buffer = new char[BUFFER];
  private boolean endOfInput;
  private boolean flushed;
  private int position;
  private int filled;
  private boolean skipLineFeed;
  private long lineNumber;
  private long charsRead;

  /**
   * Lines of {@code in} decoded from {@code charset}, each at most {@code maxLineChars} characters
   * long.
   *
   * @throws IllegalArgumentException when the limit is not positive
   */
  LineInput(InputStream in, Charset charset, int maxLineChars) {
    if (maxLineChars < 1) {
      throw new IllegalArgumentException("the line limit must be positive, got " + maxLineChars);
    }
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.maxLineChars = maxLineChars;
  }

  /**
   * The next line without its line end, or null at the end of the input.
   *
   * @throws OversizedRecordException when the line is longer than the limit; the line has then been
   *     read to its end, so reading can go on with the next one
   * @throws IOException when the input cannot be read
   */
  String readLine() throws IOException {
    StringBuilder line = null;
    long length = 0;
    while (true) {
      if (position == filled && !fill()) {
        if (line == null && length == 0) {
          return null;
        }
        return finish(line, length);
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          charsRead++;
          continue;
        }
      }
      int start = position;
      while (position < filled && buffer[position] != '\n' && buffer[position] != '\r') {
        position++;
      }
      int count = position - start;
      if (length + count <= maxLineChars) {
        if (line == null) {
          line = new StringBuilder(Math.min(maxLineChars, Math.max(80, count)));
        }
        line.append(buffer, start, count);
      } else {
        line = null;
      }
      length += count;
      charsRead += count;
      if (position < filled) {
        skipLineFeed = buffer[position] == '\r';
        position++;
        charsRead++;
        return finish(line, length);
      }
    }
  }

  private String finish(StringBuilder line, long length) {
    lineNumber++;
    if (length > maxLineChars) {
      throw new OversizedRecordException(lineNumber, length, maxLineChars);
    }
    return line == null ? "" : line.toString();
  }

  private boolean fill() throws IOException {
    boolean first = charsRead == 0 && lineNumber == 0;
    CharBuffer out = CharBuffer.wrap(buffer);
    while (out.position() == 0) {
      if (flushed) {
        return false;
      }
      decoder.decode(bytes, out, endOfInput);
      if (endOfInput) {
        decoder.flush(out);
        flushed = true;
      } else if (out.position() == 0) {
        readBytes();
      }
    }
    position = first && buffer[0] == '\uFEFF' ? 1 : 0;
    filled = out.position();
    return position < filled || fill();
  }

  /** One read of the stream, so that nothing read before a failing read is lost. */
  private void readBytes() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  /** The number of the line {@link #readLine} returned last, from 1. */
  long lineNumber() {
    return lineNumber;
  }

  /** Characters read so far, line ends included. */
  long charsRead() {
    return charsRead;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
