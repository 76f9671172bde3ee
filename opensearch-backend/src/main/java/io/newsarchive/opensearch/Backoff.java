package io.newsarchive.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Retries a request to the cluster while the cluster is busy or out of reach: the first retry waits
 * {@code first}, each further one twice as long, and after {@code retries} retries the request
 * fails with a message that names the nodes and the last error. A refusal for what the request
 * holds (any other OpenSearch error, such as 400 for a bad document) is not retried.
 *
 * <p>Immutable and thread-safe.
 *
 * @param first how long the first retry waits
 * @param retries how many times a request is retried before it fails
 */
record Backoff(Duration first, int retries) {

  /** 0.1 s doubling six times: a request gives up after about 6.3 s of waiting. */
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), 6);

  /** A request the cluster may answer later, when it is less busy or reachable again. */
  @FunctionalInterface
  interface Request<T> {
    T send() throws IOException;
  }

  /** Validates that the wait is positive and the retries not negative. */
  Backoff {
    Objects.requireNonNull(first, "first");
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first wait must be positive: " + first);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
  }

  /**
   * Whether an HTTP status says the cluster is busy or a shard briefly unavailable, so that the
   * same request may succeed later: 429 Too Many Requests, 502, 503 and 504.
   */
  static boolean isTransient(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * Sends {@code request}, retrying it as this backoff says.
   *
   * @param what what the request does, for the message, like "read the stored articles"
   * @param nodes the cluster's node addresses, for the message
   * @throws IOException when the cluster refuses the request, or is still busy or unreachable after
   *     the last retry
   */
  <T> T send(String what, List<?> nodes, Request<T> request) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Exception failure;
      try {
        return request.send();
      } catch (OpenSearchException e) {
        if (!isTransient(e.status())) {
          throw new IOException(
              "OpenSearch at " + nodes + " refused to " + what + ": " + reason(e), e);
        }
        failure = e;
      } catch (ResponseException e) {
        if (!isTransient(e.status())) {
          throw new IOException(
              "OpenSearch at " + nodes + " refused to " + what + ": " + reason(e), e);
        }
        failure = e;
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        failure = e;
      }
      if (attempt == retries) {
        throw new IOException(
            "OpenSearch at "
                + nodes
                + " could not "
                + what
                + " after "
                + (retries + 1)
                + " attempts: "
                + describe(failure),
            failure);
      }
      await(attempt);
    }
  }

  /**
   * Waits before retry number {@code attempt} (from 0): {@code first} times 2 to the {@code
   * attempt}.
   *
   * @throws IOException when the thread is interrupted while waiting
   */
  void await(int attempt) throws IOException {
    try {
      Thread.sleep(first.multipliedBy(1L << Math.min(attempt, 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry an OpenSearch request");
    }
  }

  /** The error type and reason OpenSearch gave, as one line. */
  static String reason(OpenSearchException e) {
    String type = e.error() == null ? null : e.error().type();
    String reason = e.error() == null ? null : e.error().reason();
    return "status "
        + e.status()
        + (type == null ? "" : ", " + type)
        + (reason == null ? "" : ": " + reason);
  }

  /** The status and the body OpenSearch answered, as one line. */
  private static String reason(ResponseException e) {
    String message = String.valueOf(e.getMessage());
    int body = message.indexOf('\n');
    return "status "
        + e.status()
        + (body < 0 ? "" : ": " + message.substring(body + 1).replaceAll("\\s+", " ").strip());
  }

  private static String describe(Exception e) {
    if (e instanceof OpenSearchException ose) {
      return reason(ose);
    }
    if (e instanceof ResponseException response) {
      return reason(response);
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message + " (" + e.getClass().getSimpleName() + ")";
  }
}
