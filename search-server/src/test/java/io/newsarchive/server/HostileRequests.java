package io.newsarchive.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates request targets (path and query string, as sent on the request line) that a hostile or
 * careless client might send: random and mutated query syntax, regular-expression, wildcard and
 * fuzzy bombs, huge and negative numbers, bad dates and cursors, unknown parameters and invalid
 * percent-encoding. The same seed gives the same targets. Not thread-safe.
 */
final class HostileRequests {

  /**
   * Longest request target generated, except for the one in a hundred that is made longer than the
   * HTTP layer's 8 KiB request-line limit on purpose.
   */
  static final int MAX_TARGET = 7_000;

  private static final List<String> WORDS =
      List.of(
          "cocoa",
          "oil",
          "trade",
          "bank",
          "dollar",
          "yen",
          "wheat",
          "shares",
          "opec",
          "gold",
          "reagan",
          "tokyo",
          "london",
          "interest",
          "rates",
          "crude",
          "coffee",
          "sugar",
          "the",
          "of");

  private static final List<String> SYNTAX =
      List.of(
          "AND",
          "OR",
          "NOT",
          "+",
          "-",
          "(",
          ")",
          "\"",
          "~",
          "^",
          "*",
          "?",
          ":",
          "/",
          "[",
          "]",
          "{",
          "}",
          "\\",
          "!",
          "&&",
          "||",
          "title:",
          "body:",
          "person:",
          "org:",
          "place:",
          "source:",
          "lang:",
          "topic:",
          "nofield:",
          "*:*",
          "TO",
          "^0.5",
          "~2",
          "~0.8",
          "\"~3",
          "^-1",
          "^1e99");

  private static final List<String> VALID =
      List.of(
          "cocoa",
          "oil prices",
          "\"interest rates\"",
          "title:gold AND body:mine",
          "coff*",
          "cocao~",
          "opec -saudi",
          "(wheat OR corn) AND export",
          "/co.oa/",
          "person:reagan",
          "place:tokyo yen",
          "topic:crude",
          "source:reuters",
          "\"bank rate\"~4",
          "sugar^2 quota");

  private static final List<String> NUMBERS =
      List.of(
          "-1",
          "0",
          "1",
          "2",
          "10",
          "100",
          "101",
          "1000",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "1e400",
          "NaN",
          "0x10",
          "1.5",
          " 5",
          "",
          "abc",
          "٣",
          "99999999999999999999999999");

  private static final List<String> DATES =
      List.of(
          "1987-03-01",
          "2020-01-31",
          "2020-01-31T12:00:00Z",
          "2020-13-45",
          "2020-02-30",
          "yesterday",
          "+999999999-12-31",
          "-999999999-01-01",
          "0000-00-00",
          "1987-03-01T25:00Z",
          "1987",
          "2020-01-31T12:00:00+99:00",
          "",
          "1e9",
          "2020-01-31T12:00:00.123456789Z");

  private static final List<String> BAD_ESCAPES =
      List.of("%zz", "%", "%4", "%C3%28", "%FF%FE", "%ED%A0%80", "%00", "%C0%AF", "%E2%82");

  private final Random random;

  HostileRequests(long seed) {
    this.random = new Random(seed);
  }

  /** The next request target, e.g. {@code /api/search?q=...}. */
  String next() {
    if (random.nextInt(100) == 0) {
      // Over the request-line limit: the HTTP layer's own 414, in the error shape.
      return "/api/search?q=" + "a".repeat(8_200 + random.nextInt(8_000));
    }
    int kind = random.nextInt(100);
    String target;
    if (kind < 65) {
      target = "/api/search?" + query(searchParams());
    } else if (kind < 78) {
      target = "/api/entities?" + query(entityParams());
    } else if (kind < 86) {
      target = "/api/suggest?" + query(List.of("prefix", text(), "size", pick(NUMBERS)));
    } else if (kind < 94) {
      target = "/api/articles/" + articleId() + "/related?" + query(List.of("size", pick(NUMBERS)));
    } else {
      target = "/api/articles/" + articleId();
    }
    return target.length() <= MAX_TARGET ? target : target.substring(0, MAX_TARGET);
  }

  private List<String> searchParams() {
    List<String> pairs = new ArrayList<>(List.of("q", text()));
    String[] optional = {
      "op",
      "mm",
      "from",
      "to",
      "source",
      "person",
      "org",
      "place",
      "topic",
      "lang",
      "sort",
      "page",
      "size",
      "cursor",
      "facets",
      "facetSize",
      "interval",
      "recency",
      "expand",
      "bogus",
      ""
    };
    int extra = random.nextInt(4);
    for (int i = 0; i < extra; i++) {
      String name = optional[random.nextInt(optional.length)];
      pairs.add(name);
      pairs.add(value(name));
    }
    return pairs;
  }

  private List<String> entityParams() {
    List<String> pairs =
        new ArrayList<>(
            List.of("type", oneOf("person", "org", "place", "nobody", ""), "q", text()));
    if (random.nextBoolean()) {
      pairs.add(oneOf("from", "to", "size"));
      pairs.add(random.nextBoolean() ? pick(DATES) : pick(NUMBERS));
    }
    return pairs;
  }

  private String value(String name) {
    return switch (name) {
      case "from", "to" -> pick(DATES);
      case "page", "size", "facetSize", "recency" -> pick(NUMBERS);
      case "op" -> oneOf("and", "or", "auto", "AND", "xor", "");
      case "mm" -> oneOf("2", "-1", "75%", "2<75%", "2<-1 5<80%", "101%", "5<3<2", "%", "-");
      case "sort" -> oneOf("relevance", "newest", "oldest", "random", "");
      case "facets" -> oneOf("source", "person,org,place", "topic", "nothing", ",,,", "");
      case "interval" -> oneOf("day", "month", "year", "auto", "century", "");
      case "expand" -> oneOf("true", "false", "yes", "1", "");
      case "cursor" -> cursor();
      default -> text();
    };
  }

  /** The text of {@code q}: valid, mutated, random syntax, or a bomb. */
  private String text() {
    return switch (random.nextInt(10)) {
      case 0 -> pick(VALID);
      case 1 -> pick(WORDS) + " " + pick(WORDS);
      case 2 -> mutate(pick(VALID));
      case 3 -> syntax();
      case 4 -> regexBomb();
      case 5 -> wildcardBomb();
      case 6 -> pick(WORDS) + "~" + oneOf("", "0", "1", "2", "3", "-1", "0.5", "1e9", "999999");
      case 7 -> randomChars(1 + random.nextInt(40));
      case 8 -> (pick(WORDS) + " ").repeat(1 + random.nextInt(600));
      default -> "";
    };
  }

  private String syntax() {
    StringBuilder text = new StringBuilder();
    int tokens = 1 + random.nextInt(12);
    for (int i = 0; i < tokens; i++) {
      text.append(random.nextBoolean() ? pick(WORDS) : pick(SYNTAX));
      if (random.nextInt(3) > 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  private String mutate(String text) {
    StringBuilder mutated = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(mutated.length() + 1);
      String inserted = pick(SYNTAX);
      if (random.nextBoolean() && at < mutated.length()) {
        mutated.deleteCharAt(at);
      } else {
        mutated.insert(at, inserted);
      }
    }
    return mutated.toString();
  }

  private String regexBomb() {
    String n = oneOf("5", "20", "100", "1000", "40000", "200000", "1000000", "2147483647");
    String m = oneOf("2", "100", "1000", "99999999999");
    return switch (random.nextInt(9)) {
      case 0 -> "/a{0," + n + "}/";
      case 1 -> "/a{" + n + "}/";
      case 2 -> "/(a|b)*a(a|b){" + n + "}/";
      case 3 -> "/[a-z]{1," + m + "}{1," + m + "}/";
      case 4 -> "/(x+x+)+y/";
      case 5 -> "/" + ".*".repeat(1 + random.nextInt(50)) + "=/";
      case 6 -> "/" + "a".repeat(900 + random.nextInt(200)) + "/";
      case 7 -> "title:/" + mutate("(co|ba)[a-z]+") + "/";
      default ->
          "/" + "(".repeat(random.nextInt(300)) + "a" + ")*".repeat(random.nextInt(300)) + "/";
    };
  }

  private String wildcardBomb() {
    int count = 1 + random.nextInt(2000);
    return switch (random.nextInt(5)) {
      case 0 -> "ab" + "*".repeat(count);
      case 1 -> "ab" + "*c".repeat(Math.min(count, 1000));
      case 2 -> "co" + "?".repeat(Math.min(count, 30)) + "*";
      case 3 -> "*" + pick(WORDS);
      default -> pick(WORDS).substring(0, 2) + "*" + pick(WORDS) + "*";
    };
  }

  private String randomChars(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int c =
          switch (random.nextInt(4)) {
            case 0 -> 0x20 + random.nextInt(0x5f);
            case 1 -> random.nextInt(0x20);
            case 2 -> 0xa0 + random.nextInt(0x2000);
            default -> 0x1f600 + random.nextInt(80);
          };
      text.appendCodePoint(c);
    }
    return text.toString();
  }

  private String cursor() {
    return switch (random.nextInt(4)) {
      case 0 -> "";
      case 1 -> randomChars(1 + random.nextInt(30));
      case 2 -> "AAAA" + "A".repeat(random.nextInt(200));
      default -> java.util.Base64.getUrlEncoder().encodeToString(randomChars(20).getBytes());
    };
  }

  /** An article id for the path: known, unknown, odd, or with a broken percent-escape. */
  private String articleId() {
    return switch (random.nextInt(4)) {
      case 0 -> "reuters-" + random.nextInt(22_000);
      case 1 -> encode(letters(1 + random.nextInt(20)));
      case 2 -> "reuters-" + pick(BAD_ESCAPES) + random.nextInt(100);
      default -> "reuters-" + encode(pick(NUMBERS).strip());
    };
  }

  private String letters(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          random.nextBoolean() ? 'a' + random.nextInt(26) : 0xc0 + random.nextInt(0x100));
    }
    return text.toString();
  }

  /** A query string of name and value pairs, most encoded properly, some with bad escapes. */
  private String query(List<String> pairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < pairs.size(); i += 2) {
      if (i > 0) {
        query.append('&');
      }
      query.append(encode(pairs.get(i))).append('=');
      String value = encode(pairs.get(i + 1));
      if (random.nextInt(20) == 0) {
        int at = random.nextInt(value.length() + 1);
        value = value.substring(0, at) + pick(BAD_ESCAPES) + value.substring(at);
      }
      query.append(value);
    }
    return query.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String oneOf(String... values) {
    return values[random.nextInt(values.length)];
  }
}
