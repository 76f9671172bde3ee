package io.newsarchive.bench;

import java.io.IOException;

/** A page request that was answered with an error: where it went and what the answer said. */
public final class RequestFailedException extends IOException {

  /**
   * @param target the URL or query string requested
   * @param status the HTTP status, or 0 when the request never reached HTTP
   * @param reason the server's error message
   */
  public RequestFailedException(String target, int status, String reason) {
    super(target + (status == 0 ? "" : " answered " + status) + ": " + reason);
  }
}
