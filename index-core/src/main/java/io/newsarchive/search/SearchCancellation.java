package io.newsarchive.search;

/**
 * Stops the searches of one request when its client goes away. The server binds one to the thread
 * that answers the request; every search that thread starts while it is bound stops at its next
 * check once {@link #cancel()} is called, from any thread, and answers what it has, flagged as
 * timed out. Thread-safe.
 */
public final class SearchCancellation {

  private static final ThreadLocal<SearchCancellation> CURRENT = new ThreadLocal<>();

  private volatile boolean cancelled;

  /** A scope in which a cancellation is bound to the current thread; closing it unbinds it. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Stops the searches bound to this cancellation, running or yet to start. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Binds this cancellation to the current thread until the scope closes. */
  public Scope bind() {
    SearchCancellation previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** The cancellation bound to the current thread, or null. */
  static SearchCancellation current() {
    return CURRENT.get();
  }
}
