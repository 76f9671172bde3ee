package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Interval;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SortOrder;
import io.newsarchive.server.api.SearchResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** {@code GET /api/search}: ranked hits, facets, timeline and the next cursor. */
final class SearchHandler {

  static final Set<String> PARAMS =
      Set.of(
          "q",
          "from",
          "to",
          "source",
          "person",
          "org",
          "place",
          "lang",
          "sort",
          "page",
          "size",
          "cursor",
          "facets",
          "facetSize",
          "interval",
          "recency");

  private final ArticleSearcher searcher;

  SearchHandler(ArticleSearcher searcher) {
    this.searcher = searcher;
  }

  void search(Context ctx) throws IOException {
    SearchRequest request = request(QueryParams.of(ctx, PARAMS));
    ctx.json(SearchResponse.of(request, searcher.search(request)));
  }

  static SearchRequest request(QueryParams params) {
    return SearchRequest.builder()
        .query(params.text("q", ""))
        .from(params.from("from"))
        .to(params.to("to"))
        .sources(params.all("source"))
        .persons(params.all("person"))
        .orgs(params.all("org"))
        .places(params.all("place"))
        .language(params.text("lang", ""))
        .sort(SortOrder.parse(params.text("sort", "relevance")))
        .page(params.integer("page", 1))
        .size(params.integer("size", 10))
        .cursor(params.text("cursor", ""))
        .facets(facets(params.text("facets", null)))
        .facetSize(params.integer("facetSize", 10))
        .interval(Interval.parse(params.text("interval", "auto")))
        .recencyDays(params.integer("recency", 0))
        .build();
  }

  private static Set<FacetField> facets(String list) {
    if (list == null) {
      return EnumSet.allOf(FacetField.class);
    }
    Set<FacetField> facets = EnumSet.noneOf(FacetField.class);
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        facets.add(FacetField.parse(name));
      }
    }
    return facets;
  }
}
