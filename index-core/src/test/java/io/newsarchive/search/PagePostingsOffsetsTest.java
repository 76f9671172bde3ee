package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LabelledCharArrayMatcher;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PhraseHelper;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PagePostingsOffsetsTest {

  private static final String[] FIELDS = {ArticleFields.TITLE, ArticleFields.BODY};

  @Test
  void pagesOfReutersHitsHighlightAsPostingsOpenedPerDocumentDo() throws IOException {
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(ReutersIndex.get().directory()))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int highlighted = 0;
      for (List<String> words :
          List.of(
              List.of("cocoa"),
              List.of("cocoa", "ghana", "export"),
              List.of("yen", "dollar"),
              List.of("wheat", "corn", "soybean", "rain"),
              List.of("opec", "output", "saudi"))) {
        Query query = anyOf(words);
        ScoreDoc[] best = searcher.search(query, 30).scoreDocs;
        int[] docs = Arrays.stream(best).mapToInt(hit -> hit.doc).toArray();
        assertThat(docs).hasSizeGreaterThan(10);
        // A page in rank order, and the same documents asked for twice and in reverse.
        int[] twice = new int[docs.length * 2];
        for (int i = 0; i < docs.length; i++) {
          twice[i] = docs[i];
          twice[twice.length - 1 - i] = docs[i];
        }
        for (int[] page : List.of(docs, twice)) {
          Map<String, String[]> expected = highlight(searcher, query, page, false);
          Map<String, String[]> shared = highlight(searcher, query, page, true);
          for (String field : FIELDS) {
            assertThat(shared.get(field)).containsExactly(expected.get(field));
            highlighted +=
                (int)
                    Arrays.stream(shared.get(field))
                        .filter(s -> s != null && s.contains("<b>"))
                        .count();
          }
        }
      }
      assertThat(highlighted).as("snippets with marked words").isGreaterThan(300);
    }
  }

  @Test
  void documentsAskedForAgainOrOutOfOrderGetTheirWholeOffsets() throws IOException {
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(ReutersIndex.get().directory()))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query query = anyOf(List.of("cocoa", "ghana", "buffer", "stock"));
      int[] docs =
          Arrays.stream(searcher.search(query, 20).scoreDocs).mapToInt(hit -> hit.doc).toArray();
      int[] ascending = docs.clone();
      Arrays.sort(ascending);
      List<Integer> asked = new ArrayList<>();
      for (int doc : ascending) {
        asked.add(doc);
        asked.add(doc); // the same document again
      }
      for (int i = ascending.length - 1; i >= 0; i--) {
        asked.add(ascending[i]); // then backwards
      }
      for (int doc : docs) {
        asked.add(doc); // then in rank order
      }
      BytesRef[] terms =
          List.of("cocoa", "ghana", "buffer", "stock", "absentword").stream()
              .map(BytesRef::new)
              .toArray(BytesRef[]::new);
      UHComponents components =
          new UHComponents(
              ArticleFields.BODY,
              ArticleFields.BODY::equals,
              query,
              terms,
              PhraseHelper.NONE,
              new LabelledCharArrayMatcher[0],
              false,
              Set.of());
      PagePostingsOffsets shared = new PagePostingsOffsets(components);
      PostingsOffsetStrategy fresh = new PostingsOffsetStrategy(components);
      LeafReaderContext leaf = reader.leaves().getFirst();
      int offsets = 0;
      for (int doc : asked) {
        List<String> expected = drain(fresh.getOffsetsEnum(leaf.reader(), doc, ""));
        assertThat(drain(shared.getOffsetsEnum(leaf.reader(), doc, "")))
            .as("document %d", doc)
            .isEqualTo(expected);
        offsets += expected.size();
      }
      assertThat(offsets).isGreaterThan(asked.size());
    }
  }

  /** Each of the enum's matches as "term start-end". */
  private static List<String> drain(OffsetsEnum matches) throws IOException {
    List<String> all = new ArrayList<>();
    while (matches.nextPosition()) {
      all.add(
          matches.getTerm().utf8ToString()
              + " "
              + matches.startOffset()
              + "-"
              + matches.endOffset());
    }
    matches.close();
    return all;
  }

  private static Query anyOf(List<String> words) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String word : words) {
      for (String field : FIELDS) {
        any.add(new TermQuery(new Term(field, word)), BooleanClause.Occur.SHOULD);
      }
    }
    return any.build();
  }

  private static Map<String, String[]> highlight(
      IndexSearcher searcher, Query query, int[] docs, boolean shared) throws IOException {
    UnifiedHighlighter highlighter =
        new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, new StandardAnalyzer())) {
          @Override
          protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.POSTINGS;
          }

          @Override
          protected FieldOffsetStrategy getOffsetStrategy(
              OffsetSource source, UHComponents components) {
            return shared
                ? new PagePostingsOffsets(components)
                : super.getOffsetStrategy(source, components);
          }
        };
    int[] passages = new int[FIELDS.length];
    Arrays.fill(passages, 2);
    return highlighter.highlightFields(FIELDS, query, docs, passages);
  }
}
