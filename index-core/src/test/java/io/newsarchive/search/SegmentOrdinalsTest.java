package io.newsarchive.search;

import static io.newsarchive.testing.TestArticles.article;
import static io.newsarchive.testing.TestArticles.person;
import static io.newsarchive.testing.TestArticles.place;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SegmentOrdinalsTest {

  @Test
  void arraysCountWhatTheDocValuesHold() throws IOException {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<Entity> entities = new ArrayList<>();
      // Some articles name nobody, some one person, some three; places on every fifth.
      for (int p = 0; p < i % 4 - 1; p++) {
        entities.add(person("Person " + (i * 7 + p) % 23));
      }
      if (i % 5 == 0) {
        entities.add(place("Place " + i % 3));
      }
      String date =
          i % 17 == 0 ? null : Instant.ofEpochSecond(1_600_000_000L + i * 40_000L).toString();
      articles.add(
          article((i % 2 == 0 ? "kayhan-" : "wire-") + i, "Title", "Body", date, entities));
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, articles);
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      SegmentOrdinals ordinals = SegmentOrdinals.of(leaf);
      for (FacetField facet : List.of(FacetField.PERSON, FacetField.PLACE, FacetField.SOURCE)) {
        SortedSetDocValues values = DocValues.getSortedSet(leaf, facet.field());
        assertThat(ordinals.valueCount(facet)).isEqualTo(values.getValueCount());
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          KeyCounts fromArrays = new KeyCounts(ordinals.valueCount(facet));
          ordinals.count(facet, doc, fromArrays);
          KeyCounts fromDocValues = new KeyCounts(ordinals.valueCount(facet));
          if (values.advanceExact(doc)) {
            for (int n = values.docValueCount(); n > 0; n--) {
              fromDocValues.add((int) values.nextOrd());
            }
          }
          assertThat(read(fromArrays))
              .as("%s of doc %d", facet, doc)
              .isEqualTo(read(fromDocValues));
        }
      }
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        Article article = articles.get(doc);
        int expected =
            article.published() == null
                ? SegmentOrdinals.UNDATED
                : (int) (article.published().toEpochMilli() / 86_400_000L);
        assertThat(ordinals.day(doc)).isEqualTo(expected);
      }
    }
  }

  private static List<String> read(KeyCounts counts) throws IOException {
    List<String> out = new ArrayList<>();
    counts.forEach((key, count) -> out.add(key + "x" + count));
    return out;
  }
}
