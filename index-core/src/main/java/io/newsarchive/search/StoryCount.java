package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the distinct stories of the matching articles exactly. An article without a {@link
 * ArticleFields#STORY} value founds its own story, so each such match is one story; the copies add
 * the distinct stories they name, per segment a bit per ordinal of the story doc values and at the
 * segment's end the ids of the set bits, less those whose founder is itself a match. Memory: a bit
 * per article and per copied story of each segment, and the ids of the matching copies' stories.
 */
final class StoryCount implements CollectorManager<StoryCount.StoryCollector, Long> {

  @Override
  public StoryCollector newCollector() {
    return new StoryCollector();
  }

  @Override
  public Long reduce(Collection<StoryCollector> collectors) throws IOException {
    Set<BytesRef> copied = new HashSet<>();
    List<Founders> founders = new ArrayList<>();
    long stories = 0;
    for (StoryCollector collector : collectors) {
      copied.addAll(collector.stories);
      founders.addAll(collector.founders);
      stories += collector.founding;
    }
    for (BytesRef story : copied) {
      if (!matches(founders, story)) {
        stories++;
      }
    }
    return stories;
  }

  /** Whether the founder of {@code story}, the article with its id, is one of the matches. */
  private static boolean matches(List<Founders> founders, BytesRef story) throws IOException {
    for (Founders segment : founders) {
      Terms ids = segment.reader().terms(ArticleFields.ID);
      if (ids == null) {
        continue;
      }
      TermsEnum lookup = ids.iterator();
      if (lookup.seekExact(story)) {
        PostingsEnum postings = lookup.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (segment.matched().get(doc)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The matching articles of one segment that found their own story. */
  private record Founders(LeafReader reader, FixedBitSet matched) {}

  /** Collects the stories of one slice of the segments. */
  static final class StoryCollector implements Collector {

    private final Set<BytesRef> stories = new HashSet<>();
    private final List<Founders> founders = new ArrayList<>();
    private long founding;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues values = DocValues.getSortedSet(context.reader(), ArticleFields.STORY);
      FixedBitSet seen = new FixedBitSet((int) Math.max(1, values.getValueCount()));
      FixedBitSet matched = new FixedBitSet(Math.max(1, context.reader().maxDoc()));
      founders.add(new Founders(context.reader(), matched));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (values.advanceExact(doc)) {
            seen.set((int) values.nextOrd());
          } else {
            matched.set(doc);
            founding++;
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
