package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * One hit per story ({@link SearchParameters#COLLAPSE}): walks the matching articles in the page's
 * order and keeps the first of each story, which is its best-ranked copy; stories are then ranked
 * by their best copies. It reads the best {@code 4 × (offset + size + 1)} articles first and four
 * times as many each time those hold too few stories, until they do or every match was read: exact
 * at any depth, at a cost that grows with the copies ranked above the page. Then one more pass over
 * the matches of the page's stories counts their copies and names their sources. Its cursors, which
 * name the offset of a page of stories, serve every backend. Stateless.
 */
public final class StoryCollapse {

  /** Most sources named per collapsed hit. */
  public static final int SOURCES = 5;

  private static final int GROWTH = 4;

  private static final String CURSOR_PREFIX = "stories-";

  private StoryCollapse() {}

  /** The cursor of the page of stories that starts at {@code offset}. */
  public static String cursor(int offset) {
    return CURSOR_PREFIX + offset;
  }

  /**
   * The offset of the first story of the page that {@code cursor} continues, from a {@link
   * #cursor(int)} of a collapsed search; at most {@link SearchParameters#MAX_WINDOW} stories deep,
   * since each page reads the matches ranked above it again.
   *
   * @throws InvalidRequestException when {@code cursor} is not the cursor of a collapsed search
   */
  public static int offset(String cursor, int size) {
    String hint = "take nextCursor from a response with collapse=story and the same query";
    if (!cursor.startsWith(CURSOR_PREFIX)) {
      throw new InvalidRequestException(
          SearchParameters.CURSOR.name(), "not a cursor of collapse=story", hint);
    }
    int offset;
    try {
      offset = Integer.parseInt(cursor.substring(CURSOR_PREFIX.length()));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          SearchParameters.CURSOR.name(), "not a cursor of collapse=story", hint);
    }
    if (offset < 0 || (long) offset + size > SearchParameters.MAX_WINDOW) {
      throw new InvalidRequestException(
          SearchParameters.CURSOR.name(),
          "stories are paged at most " + SearchParameters.MAX_WINDOW + " deep",
          "narrow the query or the dates to see later stories");
    }
    return offset;
  }

  /** The best copies of the page's stories, in order, and whether more stories follow. */
  record Page(ScoreDoc[] docs, String[] stories, boolean more) {}

  /** Copies and sources of one story among the matches. */
  record Copies(long count, List<String> sources) {}

  /**
   * The page of stories {@code offset} to {@code offset + size} of {@code query}'s matches in
   * {@code sort}'s order.
   */
  static Page page(IndexSearcher searcher, Query query, Sort sort, int offset, int size)
      throws IOException {
    int wanted = offset + size + 1;
    int read = GROWTH * wanted;
    while (true) {
      ScoreDoc[] docs =
          searcher.search(query, new TopFieldCollectorManager(sort, read, null, read)).scoreDocs;
      String[] stories = stories(searcher, docs);
      List<Integer> firsts = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < docs.length && firsts.size() < wanted; i++) {
        if (seen.add(stories[i])) {
          firsts.add(i);
        }
      }
      if (firsts.size() == wanted || docs.length < read || searcher.timedOut()) {
        int end = Math.min(firsts.size(), offset + size);
        int from = Math.min(offset, end);
        ScoreDoc[] page = new ScoreDoc[end - from];
        String[] pageStories = new String[end - from];
        for (int i = from; i < end; i++) {
          page[i - from] = docs[firsts.get(i)];
          pageStories[i - from] = stories[firsts.get(i)];
        }
        return new Page(page, pageStories, firsts.size() > offset + size);
      }
      read = (int) Math.min(Integer.MAX_VALUE - 1L, (long) read * GROWTH);
    }
  }

  /** The matching copies of each of {@code stories}, with their first sources in doc order. */
  static Map<String, Copies> copies(IndexSearcher searcher, Query query, String[] stories)
      throws IOException {
    Map<String, Copies> copies = new HashMap<>();
    if (stories.length == 0) {
      return copies;
    }
    List<BytesRef> terms = Arrays.stream(stories).map(BytesRef::new).toList();
    // A story's articles are its founder, which holds no story field, and those with its term.
    Query ofStories =
        new BooleanQuery.Builder()
            .add(new TermInSetQuery(ArticleFields.STORY, terms), Occur.SHOULD)
            .add(new TermInSetQuery(ArticleFields.ID, terms), Occur.SHOULD)
            .build();
    Query ofPage =
        new BooleanQuery.Builder().add(query, Occur.MUST).add(ofStories, Occur.FILTER).build();
    ScoreDoc[] docs =
        searcher.search(
                ofPage,
                new TopFieldCollectorManager(
                    Sort.INDEXORDER, Math.max(1, searcher.count(ofPage)), null, 0))
            .scoreDocs;
    String[] docStories = stories(searcher, docs);
    String[] sources = values(searcher, docs, List.of(ArticleFields.SOURCE));
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Set<String>> named = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      counts.computeIfAbsent(docStories[i], s -> new long[1])[0]++;
      Set<String> of = named.computeIfAbsent(docStories[i], s -> new LinkedHashSet<>());
      if (of.size() < SOURCES) {
        of.add(sources[i]);
      }
    }
    for (String story : stories) {
      long count = counts.containsKey(story) ? counts.get(story)[0] : 1;
      copies.put(story, new Copies(count, List.copyOf(named.getOrDefault(story, Set.of()))));
    }
    return copies;
  }

  /** The story of each of {@code docs}: its story field, or its own id when it founds it. */
  static String[] stories(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
    return values(searcher, docs, List.of(ArticleFields.STORY, ArticleFields.ID));
  }

  /**
   * The value of the first of the single-valued keyword {@code fields} that each of {@code docs}
   * holds, read from their doc values in doc order.
   */
  private static String[] values(IndexSearcher searcher, ScoreDoc[] docs, List<String> fields)
      throws IOException {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
    String[] values = new String[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    SortedSetDocValues[] leafValues = new SortedSetDocValues[fields.size()];
    LeafReaderContext leaf = null;
    for (int i : order) {
      int index = ReaderUtil.subIndex(docs[i].doc, leaves);
      if (index != leafIndex) {
        leafIndex = index;
        leaf = leaves.get(index);
        for (int f = 0; f < leafValues.length; f++) {
          leafValues[f] = DocValues.getSortedSet(leaf.reader(), fields.get(f));
        }
      }
      values[i] = value(leafValues, docs[i].doc - leaf.docBase, fields);
    }
    return values;
  }

  private static String value(SortedSetDocValues[] values, int doc, List<String> fields)
      throws IOException {
    for (SortedSetDocValues field : values) {
      if (field.advanceExact(doc)) {
        return field.lookupOrd(field.nextOrd()).utf8ToString();
      }
    }
    throw new IllegalStateException("an article is stored without " + fields.getLast());
  }
}
