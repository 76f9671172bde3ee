package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.newsarchive.search.SearchResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Logs, one line each, the requests of the routes that run searches and take at least a threshold:
 * the route, method, status and time, then for a search page its total hits and whether it timed
 * out, then the request's path and query parameters as given. A threshold of zero logs every such
 * request. The line reads as {@code name=value} pairs; values are quoted, with quotes, backslashes
 * and control characters escaped, so that no request can forge a line. Thread-safe: immutable.
 */
final class SlowQueryLog {

  private static final System.Logger LOG = System.getLogger(SlowQueryLog.class.getName());

  /** The request attribute holding the result of the request's search page. */
  private static final String RESULT = "newsarchive.searchResult";

  private final double thresholdMillis;

  SlowQueryLog(Duration threshold) {
    // In seconds first: a threshold of years would overflow a count of nanoseconds.
    this.thresholdMillis = threshold.getSeconds() * 1_000.0 + threshold.getNano() / 1_000_000.0;
  }

  /** Keeps the result of the request's search page for its log line. */
  static void remember(Context ctx, SearchResult result) {
    ctx.attribute(RESULT, result);
  }

  /**
   * Logs a GET or HEAD request when {@code route} runs searches and it took {@code millis} or
   * longer.
   */
  void log(Context ctx, Route route, float millis) {
    HandlerType method = ctx.method();
    boolean searched = method == HandlerType.GET || method == HandlerType.HEAD;
    if (route == null || !route.searches() || !searched || millis < thresholdMillis) {
      return;
    }
    StringBuilder line = new StringBuilder("slow query");
    line.append(" route=").append(route.path());
    line.append(" method=").append(method.name());
    line.append(" status=").append(ctx.statusCode());
    line.append(" ms=").append(Math.round(millis));
    SearchResult result = ctx.attribute(RESULT);
    if (result != null) {
      line.append(" hits=").append(result.total());
      line.append(" timedOut=").append(result.timedOut());
    }
    ctx.pathParamMap().forEach((name, value) -> pair(line, name, value));
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      param.getValue().forEach(value -> pair(line, param.getKey(), value));
    }
    LOG.log(System.Logger.Level.INFO, line.toString());
  }

  private static void pair(StringBuilder line, String name, String value) {
    line.append(' ');
    name.codePoints()
        .forEach(c -> line.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' ? c : '_'));
    line.append("=\"");
    value
        .codePoints()
        .forEach(c -> {
          if (c == '"' || c == '\\') {
            line.append('\\').appendCodePoint(c);
          } else if (Character.isISOControl(c)
              || Character.getType(c) == Character.LINE_SEPARATOR
              || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
            line.append(String.format("\\u%04x", c));
          } else {
            line.appendCodePoint(c);
          }
        });
    line.append('"');
  }
}
