package io.newsarchive.search;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stops the searches of one request when its client goes away. The server binds one to the thread
 * that answers the request; every search that thread starts while it is bound stops at its next
 * check once {@link #cancel()} is called, from any thread, or once its {@link ClientProbe} finds
 * the client gone, and answers what it has, flagged as timed out. Thread-safe.
 */
public final class SearchCancellation {

  private static final ThreadLocal<SearchCancellation> CURRENT = new ThreadLocal<>();

  private final ClientProbe probe;
  private final long interval;
  private final AtomicLong nextProbe;
  private volatile boolean cancelled;

  /** Asks whether a request's client has gone away; must not block. */
  @FunctionalInterface
  public interface ClientProbe {
    /** Whether the client closed its connection. */
    boolean gone();
  }

  /** A scope in which a cancellation is bound to the current thread; closing it unbinds it. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** A cancellation that only {@link #cancel()} triggers. */
  public SearchCancellation() {
    this.probe = null;
    this.interval = 0;
    this.nextProbe = null;
  }

  /**
   * A cancellation that also asks {@code probe} whether the client is gone, first when {@code
   * interval} has passed and then at most once per {@code interval}, from the searches' own checks:
   * a search that ends sooner never asks, so short requests pay nothing for the watch.
   */
  public SearchCancellation(ClientProbe probe, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("probe interval must be positive: " + interval);
    }
    this.probe = probe;
    this.interval = interval.toNanos();
    this.nextProbe = new AtomicLong(System.nanoTime() + this.interval);
  }

  /** Stops the searches bound to this cancellation, running or yet to start. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel()} was called or the client was found gone. */
  public boolean isCancelled() {
    if (cancelled || probe == null) {
      return cancelled;
    }
    long now = System.nanoTime();
    long due = nextProbe.get();
    // One thread probes per interval; the others go on with what is known.
    if (now - due >= 0 && nextProbe.compareAndSet(due, now + interval) && probe.gone()) {
      cancelled = true;
    }
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
