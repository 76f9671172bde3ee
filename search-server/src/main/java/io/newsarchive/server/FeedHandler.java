package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SortOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/feed}: an Atom feed of a search, newest first, its {@value #ENTRIES} newest
 * articles, for a feed reader to subscribe to. It takes the parameters of {@code /api/search} but
 * paging and sort, which the feed sets itself. Its links are built from the host and scheme the
 * request came by, so they work behind whatever name the server answered to.
 */
final class FeedHandler {

  /** Entries per feed. */
  static final int ENTRIES = 50;

  /** The search parameters a feed takes. */
  static final List<SearchParameter<?>> PARAMS = params();

  private final SearchBackend backend;

  FeedHandler(SearchBackend backend) {
    this.backend = backend;
  }

  private static List<SearchParameter<?>> params() {
    List<SearchParameter<?>> excluded = new ArrayList<>(SearchParameters.PAGING);
    excluded.add(SearchParameters.SORT);
    return SearchParameters.allBut(excluded);
  }

  void feed(Context ctx) throws IOException {
    SearchRequest request =
        SearchRequest.of(QueryParams.of(ctx, PARAMS).all(PARAMS))
            .with(SearchParameters.SORT, SortOrder.NEWEST)
            .with(SearchParameters.SIZE, ENTRIES)
            .with(SearchParameters.FACETS, Set.of());
    SearchResult result = backend.search(request);
    SlowQueryLog.remember(ctx, result);
    List<Hit> hits = result.hits();
    String base = ctx.scheme() + "://" + ctx.host();
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    String self = base + ctx.path() + (query.isEmpty() ? "" : "?" + query);
    String page = base + "/?" + (query.isEmpty() ? "" : query + "&") + "sort=newest";
    Instant updated =
        hits.isEmpty() || hits.get(0).published() == null ? Instant.now() : hits.get(0).published();
    String words = request.get(SearchParameters.QUERY);
    String title = "newsarchive: " + (words.isEmpty() ? "all articles" : words) + ", newest first";
    byte[] feed = new AtomFeed(self, page, title, updated).write(hits, base + "/?article=");
    ctx.contentType("application/atom+xml; charset=utf-8").result(feed);
  }
}
