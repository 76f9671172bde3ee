package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.search.FacetField;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SortOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the page's URL state ({@code web/state.js}) against the declared search parameters: every
 * parameter the page sends exists, under its declared name, with a value the declaration accepts.
 */
class PageStateTest {

  private static final Pattern SET_OR_APPEND =
      Pattern.compile("p\\.(?:set|append)\\('([A-Za-z]+)', ([^;]+)\\);");
  private static String state;
  private static String searchParams;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = PageStateTest.class.getResourceAsStream("/web/state.js")) {
      state = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int start = state.indexOf("export function searchParams(");
    searchParams = state.substring(start, state.indexOf("\n}\n", start));
  }

  @Test
  void everyParameterThePageSendsIsDeclared() {
    List<String> declared = SearchParameters.ALL.stream().map(SearchParameter::name).toList();
    List<String> sent = new ArrayList<>(arrayOf("LIST_FILTERS"));
    Matcher set = SET_OR_APPEND.matcher(searchParams);
    while (set.find()) {
      sent.add(set.group(1));
    }
    assertThat(sent).isNotEmpty().allSatisfy(name -> assertThat(declared).contains(name));
    assertThat(arrayOf("LIST_FILTERS"))
        .allSatisfy(
            name -> assertThat(parameter(name).arity()).isEqualTo(SearchParameter.Arity.REPEATED));
  }

  @Test
  void fixedValuesThePageSendsAreAccepted() {
    Matcher set = SET_OR_APPEND.matcher(searchParams);
    int checked = 0;
    while (set.find()) {
      Matcher literal = Pattern.compile("^'([^']*)'$").matcher(set.group(2));
      if (literal.find()) {
        SearchParameter<?> parameter = parameter(set.group(1));
        assertThat(parameter.parse(List.of(literal.group(1)))).isNotNull();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
    Matcher facets = Pattern.compile("p\\.set\\('facets', '([^']*)'\\)").matcher(searchParams);
    assertThat(facets.find()).isTrue();
    assertThat(SearchParameters.FACETS.parse(List.of(facets.group(1))))
        .containsExactlyInAnyOrder(FacetField.values());
    int pageSize = Integer.parseInt(constant("PAGE_SIZE"));
    assertThat(SearchParameters.SIZE.check(pageSize)).isEqualTo(pageSize);
  }

  @Test
  void sortsAreTheDeclaredOrdersWithTheDeclaredDefault() {
    assertThat(arrayOf("SORTS"))
        .containsExactlyElementsOf(Arrays.stream(SortOrder.values()).map(SortOrder::key).toList());
    assertThat(state).contains("?? '" + SearchParameters.SORT.defaultValue().key() + "'");
  }

  private static SearchParameter<?> parameter(String name) {
    return SearchParameters.ALL.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("state.js sends undeclared parameter " + name));
  }

  private static List<String> arrayOf(String constant) {
    String value = constant(constant);
    assertThat(value).startsWith("[").endsWith("]");
    return Arrays.stream(value.substring(1, value.length() - 1).split(","))
        .map(s -> s.strip().replace("'", ""))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  private static String constant(String name) {
    Matcher m = Pattern.compile("export const " + name + " = ([^;]+);").matcher(state);
    assertThat(m.find()).as("state.js declares %s", name).isTrue();
    return m.group(1).strip();
  }
}
