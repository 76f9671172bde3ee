package io.newsarchive.server.api;

import io.newsarchive.search.Timeline;
import java.util.List;

/**
 * Matching articles over time.
 *
 * @param interval the bucket width actually used: day, week, month or year
 * @param buckets buckets in time order, empty ones between the first and last included
 */
public record TimelineBody(String interval, List<Bucket> buckets) {

  /**
   * One bucket.
   *
   * @param start ISO-8601 instant at which the bucket starts (midnight UTC)
   * @param count matching articles published in the bucket
   */
  public record Bucket(String start, long count) {}

  /** The body of a library timeline. */
  public static TimelineBody of(Timeline timeline) {
    return new TimelineBody(
        timeline.interval().key(),
        timeline.buckets().stream().map(b -> new Bucket(b.start().toString(), b.count())).toList());
  }
}
