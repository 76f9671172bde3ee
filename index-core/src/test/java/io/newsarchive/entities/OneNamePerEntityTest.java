package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.ingest.ArticleReader;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.InputFormat;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the archive's canonical names rely on: after resolution, no article holds two names that
 * {@link EntityNames} would take for one on that article's evidence alone, no short form an article
 * resolved is also one of its names, and no surname is kept beside a full name it ends; checked on
 * real wire and feed articles.
 */
class OneNamePerEntityTest {

  private static final int ARTICLES = 1_500;

  private static NamedEntityExtractor extractor;

  @BeforeAll
  static void loadModel() {
    extractor = NamedEntityExtractor.loadDefault();
  }

  @Test
  void reutersArticlesHoldOneNamePerEntity() throws IOException {
    Path file = SharedCorpora.require("corpora/reuters21578").resolve("reut2-003.sgm");
    assertOneNamePerEntity(read(InputFormat.REUTERS_SGML, file));
  }

  @Test
  void rssArticlesHoldOneNamePerEntity() throws IOException {
    Path file = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    assertOneNamePerEntity(read(InputFormat.JSON_LINES, file));
  }

  private static void assertOneNamePerEntity(List<Article> articles) {
    int resolved = 0;
    List<String> broken = new ArrayList<>();
    for (Article article : articles) {
      List<Entity> entities = extractor.extract(article.title(), article.body());
      for (EntityType type : EntityType.values()) {
        List<Entity> ofType = entities.stream().filter(e -> e.type() == type).toList();
        resolved += ofType.stream().mapToInt(e -> e.forms().size()).sum();
        broken.addAll(breaks(article.id(), type, ofType));
      }
    }
    assertThat(broken).isEmpty();
    // The check means something only when the articles resolve short forms.
    assertThat(resolved).isGreaterThan(articles.size() / 5);
  }

  /** The names of one article and type that its own evidence would merge, described. */
  private static List<String> breaks(String id, EntityType type, List<Entity> entities) {
    Map<String, Long> held = new HashMap<>();
    Map<String, Map<String, Long>> resolutions = new HashMap<>();
    for (Entity e : entities) {
      held.put(e.name(), 1L);
      for (String form : e.forms()) {
        resolutions.computeIfAbsent(form, f -> new HashMap<>()).put(e.name(), 1L);
      }
    }
    EntityNames names = EntityNames.of(type, held, resolutions);
    List<String> broken = new ArrayList<>();
    Map<String, String> byCanonical = new HashMap<>();
    for (Entity e : entities) {
      String other = byCanonical.put(names.canonical(e.name()), e.name());
      if (other != null) {
        broken.add(id + ": " + other + " and " + e.name() + " are one " + type);
      }
    }
    for (Entity e : entities) {
      for (Entity other : entities) {
        // A surname kept beside a full name it ends could be taken for it archive-wide.
        String[] words = other.name().split(" ");
        if (type == EntityType.PERSON
            && e.name().indexOf(' ') < 0
            && words.length > 1
            && key(type, words[words.length - 1]).equals(key(type, e.name()))) {
          broken.add(id + ": " + e.name() + " kept beside " + other.name());
        }
      }
      for (String form : e.forms()) {
        for (Entity other : entities) {
          if (other != e && key(type, form).equals(key(type, other.name()))) {
            broken.add(id + ": " + form + " resolved to " + e.name() + " beside " + other.name());
          }
        }
      }
    }
    return broken;
  }

  private static String key(EntityType type, String name) {
    return EntityNames.key(type, EntityCanonicalizer.ALIASES.getOrDefault(name, name));
  }

  private static List<Article> read(InputFormat format, Path file) throws IOException {
    IngestListener ignore =
        new IngestListener() {
          @Override
          public void rejected(Rejection rejection) {}

          @Override
          public void warned(Rejection warning) {}
        };
    List<Article> articles = new ArrayList<>();
    try (ArticleReader reader = format.open(file, ReadOptions.defaults(), ignore)) {
      for (Optional<Article> next = reader.next();
          next.isPresent() && articles.size() < ARTICLES;
          next = reader.next()) {
        articles.add(next.get());
      }
    }
    return articles;
  }
}
