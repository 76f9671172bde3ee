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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    for (int i = 0; i < 600; i++) {
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
          ordinals.count(facet, batchOf(doc), fromArrays);
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
        // Every second document in batches, as a search counts its matches: more than one batch.
        KeyCounts batched = new KeyCounts(ordinals.valueCount(facet));
        KeyCounts oneByOne = new KeyCounts(ordinals.valueCount(facet));
        SegmentOrdinals.Batch batch = new SegmentOrdinals.Batch();
        for (int doc = 0; doc < leaf.maxDoc(); doc += 2) {
          if (batch.add(doc)) {
            ordinals.count(facet, batch, batched);
            batch.clear();
          }
          ordinals.count(facet, batchOf(doc), oneByOne);
        }
        ordinals.count(facet, batch, batched);
        assertThat(read(batched)).as("%s in batches", facet).isEqualTo(read(oneByOne));
      }
      // Each article's day alone (none for an undated one), then all of them in batches.
      KeyCounts days = new KeyCounts(100_000);
      KeyCounts expectedDays = new KeyCounts(100_000);
      SegmentOrdinals.Batch batch = new SegmentOrdinals.Batch();
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        Article article = articles.get(doc);
        List<String> expected =
            article.published() == null
                ? List.of()
                : List.of(article.published().toEpochMilli() / 86_400_000L - 18_000 + "x1");
        KeyCounts alone = new KeyCounts(100_000);
        ordinals.countDays(batchOf(doc), alone, 18_000);
        assertThat(read(alone)).as("day of doc %d", doc).isEqualTo(expected);
        if (article.published() != null) {
          expectedDays.add((int) (article.published().toEpochMilli() / 86_400_000L - 18_000));
        }
        if (batch.add(doc)) {
          ordinals.countDays(batch, days, 18_000);
          batch.clear();
        }
      }
      ordinals.countDays(batch, days, 18_000);
      assertThat(read(days)).isEqualTo(read(expectedDays));
    }
  }

  @Test
  void eachArticleCountsEachCanonicalNameOnceHoweverManyVariantsItHolds() throws IOException {
    // Persons "Person 0" to "Person 9"; names by the last digit of the ordinal's value modulo 3,
    // so that "Person 0", "Person 3", "Person 6" and "Person 9" are variants of one name.
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      List<Entity> entities = new ArrayList<>();
      for (int p = 0; p < i % 4; p++) {
        entities.add(person("Person " + (i + 2 * p) % 10));
      }
      articles.add(article("wire-" + i, "Title", "Body", null, entities));
    }
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, articles);
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      SegmentOrdinals ordinals = SegmentOrdinals.of(leaf);
      SortedSetDocValues values = DocValues.getSortedSet(leaf, FacetField.PERSON.field());
      int[] canonical = new int[ordinals.valueCount(FacetField.PERSON)];
      for (int ord = 0; ord < canonical.length; ord++) {
        String value = values.lookupOrd(ord).utf8ToString();
        canonical[ord] = (value.charAt(value.length() - 1) - '0') % 3;
      }
      int[] canonicalNames = ordinals.canonicalNames(FacetField.PERSON, canonical, 3);
      NameCounts counts = new NameCounts(3);
      SegmentOrdinals.Batch batch = new SegmentOrdinals.Batch();
      int[] expected = new int[3];
      int withTwoVariants = 0;
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        Set<Integer> names = new HashSet<>();
        int held = 0;
        if (values.advanceExact(doc)) {
          for (int n = values.docValueCount(); n > 0; n--) {
            names.add(canonical[(int) values.nextOrd()]);
            held++;
          }
        }
        names.forEach(name -> expected[name]++);
        withTwoVariants += names.size() < held ? 1 : 0;
        if (batch.add(doc)) {
          ordinals.countCanonical(FacetField.PERSON, batch, counts, canonicalNames);
          batch.clear();
        }
      }
      ordinals.countCanonical(FacetField.PERSON, batch, counts, canonicalNames);
      assertThat(withTwoVariants).as("articles with two variants of one name").isGreaterThan(5);
      int[] counted = new int[3];
      counts.forEach((name, count) -> counted[name] = count);
      assertThat(counted).containsExactly(expected);
    }
  }

  private static SegmentOrdinals.Batch batchOf(int doc) {
    SegmentOrdinals.Batch batch = new SegmentOrdinals.Batch();
    batch.add(doc);
    return batch;
  }

  private static List<String> read(KeyCounts counts) throws IOException {
    List<String> out = new ArrayList<>();
    counts.forEach((key, count) -> out.add(key + "x" + count));
    return out;
  }
}
