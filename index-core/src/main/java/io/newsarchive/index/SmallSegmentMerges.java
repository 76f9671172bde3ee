package io.newsarchive.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merges, plus one merge on demand of every segment smaller than a size into one.
 * The tiered policy leaves up to ten segments of a size side by side, so a run that wrote a few
 * segments (one per indexing thread at each reopening and commit) leaves them apart, and every
 * search then pays each segment's per-query costs (term lookups, scorers, collectors). Merging the
 * small ones at the end of a run costs a rewrite of at most those bytes.
 *
 * <p>While {@link #smallOnly(long)} is set, a forced merge merges only the segments under that
 * size, all into one, and only when there are at least two; otherwise it forces merges as the
 * tiered policy does.
 */
final class SmallSegmentMerges extends FilterMergePolicy {

  private volatile long smallBytes;

  SmallSegmentMerges() {
    super(tiered());
  }

  /** Lucene's tiered merges, whose merged segments keep their files apart, as flushes do. */
  private static TieredMergePolicy tiered() {
    TieredMergePolicy tiered = new TieredMergePolicy();
    tiered.setNoCFSRatio(0.0);
    return tiered;
  }

  /** Forced merges from now on merge the segments under {@code bytes} only; 0 ends that. */
  void smallOnly(long bytes) {
    smallBytes = bytes;
  }

  @Override
  public MergeSpecification findForcedMerges(
      SegmentInfos infos,
      int maxSegmentCount,
      Map<SegmentCommitInfo, Boolean> segmentsToMerge,
      MergeContext context)
      throws IOException {
    long limit = smallBytes;
    if (limit <= 0) {
      return super.findForcedMerges(infos, maxSegmentCount, segmentsToMerge, context);
    }
    Set<SegmentCommitInfo> merging = context.getMergingSegments();
    List<SegmentCommitInfo> small = new ArrayList<>();
    for (SegmentCommitInfo info : infos) {
      if (segmentsToMerge.containsKey(info)
          && !merging.contains(info)
          && size(info, context) < limit) {
        small.add(info);
      }
    }
    if (small.size() < 2) {
      return null;
    }
    MergeSpecification merges = new MergeSpecification();
    merges.add(new MergePolicy.OneMerge(small));
    return merges;
  }
}
