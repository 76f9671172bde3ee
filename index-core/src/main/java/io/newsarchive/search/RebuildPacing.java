package io.newsarchive.search;

/**
 * How often something rebuilt in the background for each new index version may be rebuilt: the next
 * build starts no sooner than {@link #REST} times the last build's duration after it ended, so that
 * rebuilding takes at most about a tenth of one processor however often the index changes (a large
 * archive's suggestions take tens of seconds to build, and a live ingest opens a new version every
 * minute). Until then the last build answers. Thread-safe.
 */
final class RebuildPacing {

  /** The rest after a build, in multiples of its duration. */
  static final int REST = 9;

  private boolean anyBuilt;
  private long earliestNext;

  /** Whether a build may start at {@code now} (nanoseconds of one clock). */
  synchronized boolean mayStart(long now) {
    return !anyBuilt || now - earliestNext >= 0;
  }

  /** Records a build that ran from {@code started} to {@code ended} (nanoseconds). */
  synchronized void built(long started, long ended) {
    anyBuilt = true;
    earliestNext = ended + REST * Math.max(0, ended - started);
  }
}
