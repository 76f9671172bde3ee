package io.newsarchive.export;

import io.newsarchive.search.ExportFormat;
import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes every article a search matches, in the search's order, as CSV or JSON Lines. It walks the
 * result with the search cursor, {@link #PAGE_SIZE} hits per search, and writes and flushes each
 * page before asking for the next, so memory stays that of one page however many articles match,
 * and a reader receives the first rows while the rest are being found. The same bytes whether the
 * server streams them or the {@code export} command writes a file. Thread-safe: each call to {@link
 * #write} keeps its own state.
 */
public final class ResultExport {

  /** Hits fetched per search: the largest page a search request allows. */
  public static final int PAGE_SIZE = SearchParameters.MAX_SIZE;

  private final SearchBackend backend;
  private final ExportFormat format;
  private final List<ExportColumn> columns;

  /** An export from {@code backend} in {@code format} with {@code columns}, in their order. */
  public ResultExport(SearchBackend backend, ExportFormat format, List<ExportColumn> columns) {
    this.backend = backend;
    this.format = format;
    this.columns = List.copyOf(columns);
  }

  /**
   * The first page of {@code request}'s export, searched before anything is written, so that a bad
   * query fails while the caller can still answer with an error. Its paging parameters are
   * replaced; its counts (facets) are not asked for.
   *
   * @throws io.newsarchive.search.InvalidRequestException when the query does not parse
   * @throws IOException when the archive cannot be read, or the search ran out of time
   */
  public Page first(SearchRequest request) throws IOException {
    SearchRequest paged =
        request
            .with(SearchParameters.PAGE, 1)
            .with(SearchParameters.CURSOR, "")
            .with(SearchParameters.SIZE, PAGE_SIZE)
            .with(SearchParameters.FACETS, Set.of());
    return new Page(paged, search(paged));
  }

  /**
   * Writes the rows of {@code first} and of every page after it to {@code out}, flushing after each
   * page, and returns the number of articles written. {@code out} is left open.
   *
   * @throws IOException when {@code out} fails (a client that went away), the archive cannot be
   *     read, or a page ran out of time, which would leave rows out
   */
  public long write(Page first, OutputStream out) throws IOException {
    RowWriter rows =
        switch (format) {
          case CSV -> new CsvRows(out, columns);
          case JSONL -> new JsonLinesRows(out, columns);
        };
    rows.start();
    long written = 0;
    Page page = first;
    while (true) {
      for (Hit hit : page.result().hits()) {
        rows.row(hit);
        written++;
      }
      rows.flush();
      Optional<String> next = page.result().nextCursor();
      if (next.isEmpty() || page.result().hits().isEmpty()) {
        return written;
      }
      SearchRequest request = page.request().with(SearchParameters.CURSOR, next.get());
      page = new Page(request, search(request));
    }
  }

  /**
   * Writes every article {@code request} matches to {@code out}; see {@link #write(Page,
   * OutputStream)}.
   */
  public long write(SearchRequest request, OutputStream out) throws IOException {
    return write(first(request), out);
  }

  private SearchResult search(SearchRequest request) throws IOException {
    SearchResult result = backend.search(request);
    if (result.timedOut()) {
      // Partial pages would silently drop rows; an export is all of them or an error.
      throw new IOException(
          "the export stopped: a page of the search ran out of time or was cancelled");
    }
    return result;
  }

  /**
   * One page of an export: the request that found it and its result.
   *
   * @param request the page's request, with the export's paging
   * @param result its hits and the cursor to the next page
   */
  public record Page(SearchRequest request, SearchResult result) {}
}
