package io.newsarchive.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Encodes the sort values of the last hit of a page as an opaque search-after token, and back.
 * Sorts always end with the article id, which is unique, so a token names one position in the order
 * regardless of internal document numbers, and paging visits every hit exactly once.
 */
public final class Cursor {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursor() {}

  /**
   * A position in a sort order: the sort value of a hit and its article id.
   *
   * @param value the score ({@link Float}) when sorting by relevance, else the publication time in
   *     epoch milliseconds ({@link Long}, its missing-value stand-in for an undated article)
   * @param id the article id
   */
  public record Position(Object value, String id) {}

  /** The token for the position of {@code last} in {@code sort}. */
  static String encode(SortOrder sort, FieldDoc last) {
    return encode(sort, new Position(last.fields[0], ((BytesRef) last.fields[1]).utf8ToString()));
  }

  /** The token for {@code position} in {@code sort}. */
  public static String encode(SortOrder sort, Position position) {
    String value =
        sort == SortOrder.RELEVANCE
            ? Integer.toHexString(Float.floatToRawIntBits((Float) position.value()))
            : Long.toString((Long) position.value());
    String plain = sort.key().charAt(0) + ":" + value + ":" + position.id();
    return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The search-after position of {@code token} for {@code sort}.
   *
   * @throws InvalidRequestException when the token is malformed or was made for another sort
   */
  static FieldDoc decode(String token, SortOrder sort) {
    Position position = position(token, sort);
    // Ids are unique, so the document number of the position is never consulted.
    return new FieldDoc(
        Integer.MAX_VALUE, Float.NaN, new Object[] {position.value(), new BytesRef(position.id())});
  }

  /**
   * The position that {@code token} names in {@code sort}.
   *
   * @throws InvalidRequestException when the token is malformed or was made for another sort
   */
  public static Position position(String token, SortOrder sort) {
    String plain;
    try {
      plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = plain.split(":", 3);
    if (parts.length != 3 || parts[0].length() != 1 || parts[2].isEmpty()) {
      throw invalid();
    }
    if (parts[0].charAt(0) != sort.key().charAt(0)) {
      throw new InvalidRequestException(
          "cursor",
          "cursor belongs to another sort",
          "repeat the request with the sort that produced the cursor");
    }
    Object value;
    try {
      value =
          sort == SortOrder.RELEVANCE
              ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16))
              : (Object) Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw invalid();
    }
    return new Position(value, parts[2]);
  }

  private static InvalidRequestException invalid() {
    return new InvalidRequestException(
        "cursor", "malformed cursor", "pass nextCursor from a previous response unchanged");
  }
}
