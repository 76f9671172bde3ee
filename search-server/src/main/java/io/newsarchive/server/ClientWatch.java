package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newsarchive.search.SearchCancellation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Cancels a request's searches when its client closes the connection before the answer. Jetty does
 * not read from a connection while its request is being answered, so a search that has run for
 * {@link #INTERVAL} reads the connection without waiting, from its own checks, once per interval:
 * the end of the stream cancels the searches. Shorter searches never look, which keeps the selector
 * out of every request. A client that sent its next request early (HTTP pipelining) has its first
 * byte read here; that connection is then closed after the answer, which tells the client to send
 * the request again (RFC 9112, section 9.3.2).
 */
final class ClientWatch implements SearchCancellation.ClientProbe {

  /** How long a search runs before it first looks for its client, and how often after. */
  static final Duration INTERVAL = Duration.ofMillis(50);

  private final EndPoint endPoint;
  private final ByteBuffer oneByte = BufferUtil.allocate(1);
  private volatile boolean readAhead;

  private ClientWatch(EndPoint endPoint) {
    this.endPoint = endPoint;
  }

  /** {@code handler} with its searches cancelled when the client goes away. */
  static Handler watching(Handler handler) {
    return ctx -> {
      ClientWatch watch = new ClientWatch(endPoint(ctx));
      SearchCancellation cancellation = new SearchCancellation(watch, INTERVAL);
      try (SearchCancellation.Scope scope = cancellation.bind()) {
        handler.handle(ctx);
      } finally {
        if (watch.readAhead) {
          ctx.header("Connection", "close");
        }
      }
    };
  }

  private static EndPoint endPoint(Context ctx) {
    return ServletContextRequest.getServletContextRequest(ctx.req())
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint();
  }

  /** Reads at most one byte without waiting: the end of the stream means the client is gone. */
  @Override
  public boolean gone() {
    if (readAhead) {
      return false;
    }
    int read;
    try {
      read = endPoint.fill(oneByte);
    } catch (IOException e) {
      return true;
    }
    if (read > 0) {
      readAhead = true;
    }
    return read < 0;
  }
}
