package io.newsarchive.search;

import java.util.Optional;

/**
 * A search request that cannot be answered as given: a bad parameter value or a query that does not
 * parse. Carries the name of the offending parameter so that an HTTP layer can point at it.
 */
public final class InvalidRequestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String param;
  private final String detail;

  /**
   * An error about one parameter.
   *
   * @param param the parameter name as a client spells it, e.g. {@code q} or {@code size}; {@code
   *     null} when the error concerns no single parameter
   * @param title a short statement of what is wrong
   * @param detail what the client should do instead
   */
  public InvalidRequestException(String param, String title, String detail) {
    super(title + ": " + detail);
    this.param = param;
    this.detail = detail;
  }

  /** The offending parameter, if the error concerns one. */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }

  /** A short statement of what is wrong, without the detail. */
  public String title() {
    String message = getMessage();
    return message.substring(0, message.length() - detail.length() - 2);
  }

  /** What the client should do instead. */
  public String detail() {
    return detail;
  }
}
