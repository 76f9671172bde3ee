package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.KeptNames;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facets, filters and hits by canonical entity name, on Reuters-21578. */
class CanonicalNamesTest {

  private static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    searcher = ArticleSearcher.open(ReutersIndex.get().directory(), SearcherOptions.DEFAULTS);
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  private static SearchParameter<List<String>> filter(EntityType type) {
    return switch (type) {
      case PERSON -> SearchParameters.PERSONS;
      case ORGANIZATION -> SearchParameters.ORGS;
      case LOCATION -> SearchParameters.PLACES;
    };
  }

  private static long total(EntityType type, String name, String query) throws IOException {
    return searcher
        .search(
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, query)
                .with(filter(type), List.of(name))
                .with(SearchParameters.SIZE, 0)
                .with(SearchParameters.FACETS, Set.of()))
        .total();
  }

  @Test
  void aFacetCountsEachArticleOnceUnderTheCanonicalNameOfWhatItHolds() throws IOException {
    ArchiveEntityNames names = searcher.entityNames();
    int merged = 0;
    for (String query : List.of("", "cocoa", "oil prices")) {
      for (EntityType type : EntityType.values()) {
        SearchResult result =
            searcher.search(
                SearchRequest.defaults()
                    .with(SearchParameters.QUERY, query)
                    .with(SearchParameters.FACETS, Set.of(FacetField.of(type)))
                    .with(SearchParameters.FACET_SIZE, 60));
        for (FacetCount count : result.facets().get(FacetField.of(type))) {
          EntityNames table = names.of(type);
          assertThat(table.canonical(count.value())).as(count.value()).isEqualTo(count.value());
          // The filter holds any variant: the articles it finds are exactly those counted.
          assertThat(total(type, count.value(), query))
              .as(type + " " + count.value() + " for '" + query + "'")
              .isEqualTo(count.count());
          merged += table.variants(count.value()).size() > 1 ? 1 : 0;
        }
      }
    }
    assertThat(merged).as("facet values that stand for several held names").isGreaterThan(10);
  }

  @Test
  void aFacetShowsTheNamesHeldMostInItsOrderAndNoneHeldMoreIsLeftOut() throws IOException {
    for (String query : List.of("oil prices", "cocoa")) {
      for (EntityType type : EntityType.values()) {
        FacetField facet = FacetField.of(type);
        SearchRequest request =
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, query)
                .with(SearchParameters.SIZE, 50)
                .with(SearchParameters.FACETS, Set.of(facet));
        SearchResult result = searcher.search(request.with(SearchParameters.FACET_SIZE, 20));
        List<FacetCount> top = result.facets().get(facet);
        String what = type + " for '" + query + "'";
        assertThat(top).as(what).hasSize(20);
        // Most held first, ties by name, as the facet module orders them.
        for (int i = 1; i < top.size(); i++) {
          FacetCount before = top.get(i - 1);
          FacetCount after = top.get(i);
          assertThat(
                  before.count() > after.count()
                      || (before.count() == after.count()
                          && before.value().compareTo(after.value()) < 0))
              .as(what + ": " + before + " before " + after)
              .isTrue();
        }
        assertThat(
                searcher.search(request.with(SearchParameters.FACET_SIZE, 5)).facets().get(facet))
            .as(what + ", the first five")
            .isEqualTo(top.subList(0, 5));
        // Any name that the best hits hold and the list leaves out is held by no more articles
        // than the last one shown, counted by the filter on that name.
        long last = top.getLast().count();
        Set<String> shown = top.stream().map(FacetCount::value).collect(Collectors.toSet());
        int checked = 0;
        for (Hit hit : result.hits()) {
          for (String name : hit.entities().getOrDefault(type, List.of())) {
            if (!shown.contains(name)) {
              assertThat(total(type, name, query)).as(what + ": " + name).isLessThanOrEqualTo(last);
              checked++;
            }
          }
        }
        assertThat(checked).as(what + ": names the list leaves out").isGreaterThan(0);
      }
    }
  }

  @Test
  void aFilterOnAnyVariantFindsTheArticlesOfAll() throws IOException {
    ArchiveEntityNames names = searcher.entityNames();
    for (EntityType type : EntityType.values()) {
      for (String canonical : names.of(type).merged().keySet().stream().limit(40).toList()) {
        long all = total(type, canonical, "");
        EntityVariants entity = searcher.entity(type, canonical).orElseThrow();
        assertThat(entity.name()).isEqualTo(canonical);
        assertThat(entity.articles()).isEqualTo(all);
        for (FacetCount variant : entity.variants()) {
          assertThat(total(type, variant.value(), "")).as(variant.value()).isEqualTo(all);
          assertThat(searcher.entity(type, variant.value()).orElseThrow().name())
              .isEqualTo(canonical);
          assertThat(variant.count()).isBetween(1L, all);
        }
      }
    }
    assertThat(total(EntityType.LOCATION, "u.s.", ""))
        .isEqualTo(total(EntityType.LOCATION, "United States", ""))
        .isGreaterThan(1000);
    assertThat(searcher.entity(EntityType.PERSON, "Nobody Ever Namedthis")).isEmpty();
  }

  @Test
  void hitsAndArticlesShowTheirEntitiesUnderCanonicalNames() throws IOException {
    ArchiveEntityNames names = searcher.entityNames();
    SearchResult result =
        searcher.search(
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, "texaco")
                .with(SearchParameters.SIZE, 50));
    assertThat(result.hits()).hasSizeGreaterThan(20);
    for (Hit hit : result.hits()) {
      hit.entities()
          .forEach((type, held) ->
              held.forEach(
                  name -> assertThat(names.of(type).canonical(name)).as(hit.id()).isEqualTo(name)));
      Article article = searcher.article(hit.id()).orElseThrow();
      for (Entity entity : article.entities()) {
        assertThat(names.of(entity.type()).canonical(entity.name()))
            .as(hit.id())
            .isEqualTo(entity.name());
      }
      assertThat(article.entities().stream().map(e -> e.type() + e.name()).distinct().count())
          .isEqualTo(article.entities().size());
    }
  }

  @Test
  void aPageReadsEachArticleUnderTheCanonicalNamesItWouldBeRenamedTo() throws IOException {
    ArchiveEntityNames names = searcher.entityNames();
    int renamed = 0;
    int merged = 0;
    try (Directory directory = FSDirectory.open(ReutersIndex.get().directory());
        DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields stored = reader.storedFields();
      ArticleDocuments.Reading held = ArticleDocuments.reading(reader);
      // Twice through one reading: the second time every name comes from the segment's kept names.
      List<KeptNames> kept = KeptNames.forLeaves(reader);
      for (int pass = 0; pass < 2; pass++) {
        ArticleDocuments.Reading page = ArticleDocuments.pageReading(reader, kept, names);
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          Document document = stored.document(doc);
          Article asHeld = held.article(document, doc);
          Article expected = names.canonical(asHeld);
          assertThat(page.article(document, doc).entities())
              .as("doc %d", doc)
              .isEqualTo(expected.entities());
          if (pass == 0 && expected != asHeld) {
            renamed++;
            merged += asHeld.entities().size() > expected.entities().size() ? 1 : 0;
          }
        }
        held = ArticleDocuments.reading(reader);
      }
    }
    assertThat(renamed).as("articles with a renamed entity").isGreaterThan(1_000);
    assertThat(merged).as("articles with two names renamed to one").isGreaterThan(10);
  }
}
