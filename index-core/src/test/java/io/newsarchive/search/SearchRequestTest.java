package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

  @Test
  void defaultsComeFromTheDeclarations() {
    SearchRequest request = SearchRequest.defaults();
    for (SearchParameter<?> parameter : SearchParameters.ALL) {
      assertThat(request.get(parameter)).isEqualTo(parameter.defaultValue());
    }
    assertThat(request.get(SearchParameters.SIZE)).isEqualTo(10);
    assertThat(request.get(SearchParameters.FACETS))
        .containsExactlyInAnyOrder(
            FacetField.SOURCE,
            FacetField.PERSON,
            FacetField.ORG,
            FacetField.PLACE,
            FacetField.LANGUAGE);
  }

  @Test
  void withValidatesTheValueAndKeepsTheRest() {
    SearchRequest request =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "  cocoa ")
            .with(SearchParameters.PLACES, List.of("Ghana", " ", "Ivory Coast"));
    assertThat(request.get(SearchParameters.QUERY)).isEqualTo("cocoa");
    assertThat(request.get(SearchParameters.PLACES)).containsExactly("Ghana", "Ivory Coast");
    assertThat(request.get(SearchParameters.SORT)).isEqualTo(SortOrder.RELEVANCE);
    assertThatThrownBy(() -> request.with(SearchParameters.SIZE, 101))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("use a size from 0 to 100");
  }

  @Test
  void parsingNamesTheParameterAndSaysWhatToDo() {
    assertThat(SearchParameters.SORT.parse(List.of("Newest"))).isEqualTo(SortOrder.NEWEST);
    assertThat(SearchParameters.FACETS.parse(List.of("person, place")))
        .containsExactlyInAnyOrder(FacetField.PERSON, FacetField.PLACE);
    assertThat(SearchParameters.TO.parse(List.of("1987-03-01")))
        .isEqualTo(Instant.parse("1987-03-01T23:59:59.999Z"));
    assertThatThrownBy(() -> SearchParameters.INTERVAL.parse(List.of("hour")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.param()).contains("interval");
              assertThat(e.detail()).isEqualTo("use day, week, month, year or auto");
            });
    assertThatThrownBy(() -> SearchParameters.PAGE.parse(List.of("1", "2")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.detail()).isEqualTo("give page once"));
    assertThatThrownBy(() -> SearchParameters.ENTITY_TYPE.parse(List.of()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.title()).isEqualTo("missing type"));
    assertThat(SearchParameters.ENTITY_TYPE.required()).isTrue();
    assertThat(SearchParameters.FROM.required()).isFalse();
  }

  @Test
  void rulesAcrossParametersHold() {
    assertThatThrownBy(() ->
            SearchRequest.of(
                Map.of(
                    SearchParameters.FROM, Instant.parse("1987-03-02T00:00:00Z"),
                    SearchParameters.TO, Instant.parse("1987-03-01T00:00:00Z"))))
        .hasMessageContaining("from is after to");
    assertThatThrownBy(
            () -> SearchRequest.of(Map.of(SearchParameters.CURSOR, "x", SearchParameters.PAGE, 2)))
        .hasMessageContaining("both page and cursor given");
    assertThatThrownBy(
            () -> SearchRequest.of(Map.of(SearchParameters.PAGE, 101, SearchParameters.SIZE, 100)))
        .hasMessageContaining("page too deep");
    assertThat(SearchRequest.of(Map.of(SearchParameters.PAGE, 100, SearchParameters.SIZE, 100)))
        .isEqualTo(
            SearchRequest.defaults()
                .with(SearchParameters.SIZE, 100)
                .with(SearchParameters.PAGE, 100));
  }

  @Test
  void keepingDropsEverythingElseToDefaults() {
    SearchRequest request =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "oil")
            .with(SearchParameters.SIZE, 3)
            .with(SearchParameters.FACETS, Set.of(FacetField.SOURCE));
    SearchRequest filters = request.keeping(SearchParameters.FILTERS);
    assertThat(filters.get(SearchParameters.QUERY)).isEqualTo("oil");
    assertThat(filters.get(SearchParameters.SIZE)).isEqualTo(10);
    assertThat(filters.get(SearchParameters.FACETS)).isEqualTo(FacetField.DEFAULTS);
  }
}
