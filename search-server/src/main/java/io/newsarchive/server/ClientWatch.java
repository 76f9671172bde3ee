package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newsarchive.search.SearchCancellation;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Cancels a request's searches when its client closes the connection before the answer: Jetty does
 * not read from a connection while its request is being answered, so this asks to be told when the
 * connection becomes readable, and a read that finds the end of the stream cancels the searches. A
 * client that sent its next request early (HTTP pipelining) has its first byte read here; that
 * connection is then closed after the answer, which tells the client to send the request again (RFC
 * 9112, section 9.3.2).
 */
final class ClientWatch implements Callback {

  private final EndPoint endPoint;
  private final SearchCancellation cancellation;
  private boolean done;
  private boolean readAhead;

  private ClientWatch(EndPoint endPoint, SearchCancellation cancellation) {
    this.endPoint = endPoint;
    this.cancellation = cancellation;
  }

  /** {@code handler} with its searches cancelled when the client goes away. */
  static Handler watching(Handler handler) {
    return ctx -> {
      SearchCancellation cancellation = new SearchCancellation();
      ClientWatch watch = start(ctx, cancellation);
      try (SearchCancellation.Scope scope = cancellation.bind()) {
        handler.handle(ctx);
      } finally {
        if (watch != null && watch.stop()) {
          ctx.header("Connection", "close");
        }
      }
    };
  }

  private static ClientWatch start(Context ctx, SearchCancellation cancellation) {
    EndPoint endPoint =
        ServletContextRequest.getServletContextRequest(ctx.req())
            .getConnectionMetaData()
            .getConnection()
            .getEndPoint();
    ClientWatch watch = new ClientWatch(endPoint, cancellation);
    // Nobody else reads the connection while its request is answered; if somebody does, the
    // request is answered without the watch.
    return endPoint.tryFillInterested(watch) ? watch : null;
  }

  /** The connection is readable: the client closed it, or sent more. */
  @Override
  public synchronized void succeeded() {
    if (done) {
      return;
    }
    int read;
    try {
      read = endPoint.fill(BufferUtil.allocate(1));
    } catch (IOException e) {
      read = -1;
    }
    if (read < 0) {
      cancellation.cancel();
    } else if (read > 0) {
      readAhead = true;
    } else {
      endPoint.tryFillInterested(this);
    }
  }

  @Override
  public void failed(Throwable failure) {
    // The connection failed or the watch was stopped: nothing to read.
  }

  /**
   * Stops watching before Jetty reads the connection again; true when a byte of the client's next
   * request was read, so the connection must close after this answer.
   */
  private synchronized boolean stop() {
    done = true;
    if (endPoint instanceof AbstractEndPoint watched && watched.isFillInterested()) {
      watched.getFillInterest().onFail(new IOException("the answer is complete"));
    }
    return readAhead;
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }
}
