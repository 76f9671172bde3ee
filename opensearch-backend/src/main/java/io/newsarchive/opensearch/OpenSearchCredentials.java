package io.newsarchive.opensearch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How requests to a secured cluster authenticate: a user name and password (HTTP basic
 * authentication) or an API key, read from the environment so that no secret is ever on a command
 * line, where other users of the machine and the shell history would see it. Immutable and
 * thread-safe; {@link #toString()} names the kind of credentials, never the secret.
 */
public final class OpenSearchCredentials {

  /** Environment variable holding the user name for basic authentication. */
  public static final String USER_VARIABLE = "NEWSARCHIVE_OPENSEARCH_USER";

  /** Environment variable holding the password that goes with {@link #USER_VARIABLE}. */
  public static final String PASSWORD_VARIABLE = "NEWSARCHIVE_OPENSEARCH_PASSWORD";

  /**
   * Environment variable holding an API key, as OpenSearch or its security plugin issued it (the
   * encoded form sent after {@code ApiKey}).
   */
  public static final String API_KEY_VARIABLE = "NEWSARCHIVE_OPENSEARCH_API_KEY";

  private final String kind;
  private final String authorization;

  private OpenSearchCredentials(String kind, String authorization) {
    this.kind = kind;
    this.authorization = authorization;
  }

  /**
   * The credentials the environment holds: a user and password, an API key, or none when none of
   * the three variables is set (an empty value counts as not set).
   *
   * @throws IllegalArgumentException when only one of user and password is set, both a user and an
   *     API key are, or the user name holds a colon
   */
  public static Optional<OpenSearchCredentials> fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String user = value(environment, USER_VARIABLE);
    String password = value(environment, PASSWORD_VARIABLE);
    String apiKey = value(environment, API_KEY_VARIABLE);
    if (apiKey != null && (user != null || password != null)) {
      throw new IllegalArgumentException(
          "set either "
              + API_KEY_VARIABLE
              + " or "
              + USER_VARIABLE
              + " and "
              + PASSWORD_VARIABLE
              + ", not both");
    }
    if (apiKey != null) {
      return Optional.of(new OpenSearchCredentials("API key", "ApiKey " + apiKey));
    }
    if (user == null && password == null) {
      return Optional.empty();
    }
    if (user == null || password == null) {
      throw new IllegalArgumentException(
          (user == null
                  ? PASSWORD_VARIABLE + " is set but " + USER_VARIABLE + " is not"
                  : USER_VARIABLE + " is set but " + PASSWORD_VARIABLE + " is not")
              + "; basic authentication needs both");
    }
    if (user.contains(":")) {
      throw new IllegalArgumentException(
          USER_VARIABLE + " holds a colon, which basic authentication cannot send in a user name");
    }
    String pair = user + ":" + password;
    return Optional.of(
        new OpenSearchCredentials(
            "user " + user,
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
  }

  /** The value of the HTTP {@code Authorization} header sent with every request. */
  String authorization() {
    return authorization;
  }

  /** The kind of credentials (an API key, or which user), without the secret. */
  @Override
  public String toString() {
    return kind;
  }

  private static String value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
