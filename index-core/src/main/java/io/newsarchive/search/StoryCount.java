package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the distinct stories of the matching articles exactly: per segment, a bit per story
 * ordinal of the {@link ArticleFields#STORY} doc values; at the segment's end, the story of each
 * set bit joins one set of story ids, which makes ordinals of different segments comparable.
 * Memory: one bit per story of a segment, and the ids of the distinct matching stories.
 */
final class StoryCount implements CollectorManager<StoryCount.StoryCollector, Long> {

  @Override
  public StoryCollector newCollector() {
    return new StoryCollector();
  }

  @Override
  public Long reduce(Collection<StoryCollector> collectors) {
    Set<BytesRef> stories = new HashSet<>();
    for (StoryCollector collector : collectors) {
      stories.addAll(collector.stories);
    }
    return (long) stories.size();
  }

  /** Collects the stories of one slice of the segments. */
  static final class StoryCollector implements Collector {

    private final Set<BytesRef> stories = new HashSet<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues values = DocValues.getSortedSet(context.reader(), ArticleFields.STORY);
      FixedBitSet seen = new FixedBitSet((int) Math.max(1, values.getValueCount()));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (values.advanceExact(doc)) {
            seen.set((int) values.nextOrd());
          }
        }

        @Override
        public void finish() throws IOException {
          for (int ord = seen.nextSetBit(0);
              ord != DocIdSetIterator.NO_MORE_DOCS;
              ord =
                  ord + 1 < seen.length()
                      ? seen.nextSetBit(ord + 1)
                      : DocIdSetIterator.NO_MORE_DOCS) {
            stories.add(BytesRef.deepCopyOf(values.lookupOrd(ord)));
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
