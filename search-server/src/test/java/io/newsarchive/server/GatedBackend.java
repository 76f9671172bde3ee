package io.newsarchive.server;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.Hit;
import io.newsarchive.search.IndexStats;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchCounts;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SignificantTerms;
import io.newsarchive.search.Suggestion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that answers as another does, but holds every search that continues a cursor until
 * {@link #open()} is called (or, after {@link #stopCursorPages()}, answers it as timed out), and
 * counts the searches it ran: a test sees what a client receives while the server is still in the
 * middle of its work, or when it fails there.
 */
final class GatedBackend implements SearchBackend {

  private final SearchBackend backend;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger searches = new AtomicInteger();
  private volatile boolean stopCursorPages;

  GatedBackend(SearchBackend backend) {
    this.backend = backend;
  }

  /** Lets held and later searches run. */
  void open() {
    gate.countDown();
  }

  /**
   * Makes every later search that continues a cursor answer as a search stopped by its time budget:
   * nothing found, flagged as timed out.
   */
  void stopCursorPages() {
    stopCursorPages = true;
  }

  /** Searches answered so far. */
  int searches() {
    return searches.get();
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    if (!request.get(SearchParameters.CURSOR).isEmpty()) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted at the gate");
      }
    }
    SearchResult result =
        stopCursorPages && !request.get(SearchParameters.CURSOR).isEmpty()
            ? SearchResult.stopped(request, 0)
            : backend.search(request);
    searches.incrementAndGet();
    return result;
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    return backend.article(id);
  }

  @Override
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    return backend.related(id, size);
  }

  @Override
  public List<FacetCount> topEntities(EntityType type, SearchRequest request) throws IOException {
    return backend.topEntities(type, request);
  }

  @Override
  public SignificantTerms significant(SearchRequest request, int size, int sample)
      throws IOException {
    return backend.significant(request, size, sample);
  }

  @Override
  public ArchiveEntityNames entityNames() throws IOException {
    return backend.entityNames();
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    return backend.suggest(prefix, size);
  }

  @Override
  public IndexStats stats() throws IOException {
    return backend.stats();
  }

  @Override
  public long count() throws IOException {
    return backend.count();
  }

  @Override
  public long indexBytes() throws IOException {
    return backend.indexBytes();
  }

  @Override
  public SearchCounts counts() {
    return backend.counts();
  }

  @Override
  public int runningSearches() {
    return backend.runningSearches();
  }

  @Override
  public void cancelSearches() {
    backend.cancelSearches();
  }

  @Override
  public void refresh() throws IOException {
    backend.refresh();
  }

  @Override
  public void close() throws IOException {
    open();
    backend.close();
  }
}
