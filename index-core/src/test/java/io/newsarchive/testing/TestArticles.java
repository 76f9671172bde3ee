package io.newsarchive.testing;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.story.CandidateLookup;
import io.newsarchive.story.StoryMatcher;
import io.newsarchive.story.StorySignature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A small hand-written archive, the helpers that write its articles and entities, and a way to
 * index them; the one set of fixtures for the searcher's and the server's tests.
 */
public final class TestArticles {

  private TestArticles() {}

  /** An English article; ids starting with "kayhan" come from kayhan.ir, others from reuters. */
  public static Article article(
      String id, String title, String body, String date, List<Entity> entities) {
    return Article.builder()
        .id(id)
        .source(id.startsWith("kayhan") ? "kayhan.ir" : "reuters")
        .title(title)
        .body(body)
        .published(date == null ? null : Instant.parse(date), date == null ? "" : date)
        .language("en")
        .build()
        .withEntities(entities);
  }

  /** A place mentioned once. */
  public static Entity place(String name) {
    return new Entity(name, EntityType.LOCATION, 1);
  }

  /** A person mentioned twice (the full name, then the surname). */
  public static Entity person(String name) {
    return new Entity(name, EntityType.PERSON, 2);
  }

  /** An organization mentioned once. */
  public static Entity org(String name) {
    return new Entity(name, EntityType.ORGANIZATION, 1);
  }

  /** Eight articles on cocoa, oil, banking and politics, one of them undated. */
  public static List<Article> archive() {
    List<Article> list = new ArrayList<>();
    list.add(
        article(
            "reuters-1",
            "Cocoa prices rise as Ghana crop shrinks",
            "Cocoa futures rose sharply in London after Ghana said its cocoa crop would be smaller."
                + " Traders expect cocoa supplies to tighten.",
            "1987-03-02T10:00:00Z",
            List.of(place("Ghana"), place("London"))));
    list.add(
        article(
            "reuters-2",
            "Ivory Coast cocoa exports steady",
            "Exports of cocoa from Ivory Coast held steady in February, officials said.",
            "1987-03-20T09:30:00Z",
            List.of(place("Ivory Coast"))));
    list.add(
        article(
            "reuters-3",
            "Oil prices fall on OPEC output",
            "Crude oil prices fell as OPEC members raised output. Analysts mentioned cocoa once.",
            "1987-04-10T12:00:00Z",
            List.of(org("OPEC"))));
    list.add(
        article(
            "reuters-4",
            "Bank of England raises interest rates",
            "The Bank of England raised its base rate by half a point on Thursday.",
            "1987-05-07T08:00:00Z",
            List.of(org("Bank of England"), place("London"))));
    list.add(
        article(
            "kayhan-5",
            "Pompeo visits Baghdad",
            "Mike Pompeo met Iraqi leaders in Baghdad. <script>alert('x')</script> Pompeo said"
                + " the talks on cocoa & oil went well.",
            "2019-01-09T15:00:00Z",
            List.of(person("Mike Pompeo"), place("Baghdad"), place("Iraq"))));
    list.add(
        article(
            "kayhan-6",
            "Iraq oil exports climb",
            "Iraq raised its oil exports through Basra, the ministry said.",
            "2019-02-14T07:00:00Z",
            List.of(place("Iraq"), place("Basra"))));
    list.add(
        article(
            "reuters-7",
            "Grain markets quiet",
            "Wheat and corn markets were quiet ahead of the holiday.",
            null,
            List.of()));
    list.add(
        Article.builder()
            .id("reuters-8")
            .source("reuters")
            .title("Sugar quota talks stall")
            .body("Talks on sugar quotas stalled in Geneva.")
            .published(Instant.parse("1987-06-01T00:00:00Z"), "1 JUN 1987")
            .language("en")
            .codes(CodeScheme.TOPICS, List.of("sugar"))
            .codes(CodeScheme.PLACES, List.of("switzerland"))
            .build()
            .withEntities(List.of(place("Geneva"))));
    return list;
  }

  /** Indexes {@code articles} into the folder {@code dir}, upserting by id, and commits. */
  public static void index(Path dir, List<Article> articles) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      index(directory, articles);
    }
  }

  /**
   * Indexes {@code articles} into {@code dir}, upserting by id, and commits with the schema
   * version.
   */
  public static void index(Directory dir, List<Article> articles) throws IOException {
    try (IndexWriter writer =
        new IndexWriter(dir, new IndexWriterConfig(ArticleFields.analyzer()))) {
      StoryMatcher stories = new StoryMatcher();
      for (Article article : articles) {
        Document doc = ArticleDocuments.toDocument(article);
        Optional<StorySignature> signature = StorySignature.of(article.title(), article.body());
        ArticleDocuments.addStory(
            doc, stories.story(article, signature, CandidateLookup.NONE), signature);
        writer.updateDocument(new Term(ArticleFields.ID, article.id()), doc);
      }
      writer.setLiveCommitData(
          Map.of(ArticleFields.SCHEMA_KEY, String.valueOf(ArticleFields.SCHEMA_VERSION))
              .entrySet());
      writer.commit();
    }
  }
}
