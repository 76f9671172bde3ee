package io.newsarchive.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --param NAME=VALUE} options of a command, as the texts of the search parameters they
 * name, to be parsed by the same declarations as the HTTP parameters of {@code /api/search}; for
 * the commands of both modules ({@code evaluate-ranking}, {@code delete}, {@code export}).
 */
public final class RequestParams {

  private RequestParams() {}

  /**
   * Each name with its values in the order given.
   *
   * @throws IllegalArgumentException when an option is not {@code NAME=VALUE}
   */
  public static Map<String, List<String>> texts(List<String> params) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (String param : params) {
      int equals = param.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("'" + param + "' is not NAME=VALUE, e.g. expand=true");
      }
      texts
          .computeIfAbsent(param.substring(0, equals), name -> new ArrayList<>())
          .add(param.substring(equals + 1));
    }
    return texts;
  }
}
