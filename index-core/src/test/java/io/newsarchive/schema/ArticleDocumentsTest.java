package io.newsarchive.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTest {

  private static Article fullArticle() {
    return Article.builder()
        .source("reuters")
        .sourceId("42")
        .url("https://example.org/a/42")
        .title("Cocoa prices rise")
        .body("Cocoa prices rose in Abidjan.\nTraders said.")
        .published(Instant.parse("1987-02-26T15:01:01Z"), "26-FEB-1987 15:01:01.79")
        .language("en-US")
        .author("Jane Doe")
        .entity(new Entity("Abidjan", EntityType.LOCATION, 1))
        .entity(new Entity("Mike Pompeo", EntityType.PERSON, 3, List.of("Pompeo", "POMPEO")))
        .codes(CodeScheme.TOPICS, List.of("cocoa"))
        .codes(CodeScheme.PLACES, List.of("ivory-coast", "usa"))
        .build();
  }

  @Test
  void storedDocumentReadsBackAsTheSameArticle() throws IOException {
    Article article = fullArticle();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(ArticleFields.analyzer()))) {
        writer.addDocument(ArticleDocuments.toDocument(article));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(ArticleDocuments.article(reader, 0)).isEqualTo(article);
      }
    }
  }

  /**
   * An article whose entities are in no sorted order, with a name under two types and names whose
   * UTF-16 order is not their byte order (a supplementary letter sorts first in a Java string, last
   * in UTF-8).
   */
  private static Article manyEntities() {
    return fullArticle()
        .withEntities(
            List.of(
                new Entity("Washington", EntityType.LOCATION, 5, List.of("D.C.")),
                new Entity("\uFF21cme Corp", EntityType.ORGANIZATION, 4),
                new Entity("George Washington", EntityType.PERSON, 3, List.of("Washington")),
                new Entity("\uD835\uDD04lpha Group", EntityType.ORGANIZATION, 2),
                new Entity("Abidjan", EntityType.LOCATION, 2),
                new Entity("Washington", EntityType.PERSON, 1),
                new Entity("Zeta Bank", EntityType.ORGANIZATION, 1, List.of("Zeta", "ZB"))));
  }

  private static DirectoryReader indexed(ByteBuffersDirectory directory, Document... docs)
      throws IOException {
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(ArticleFields.analyzer()))) {
      for (Document doc : docs) {
        writer.addDocument(doc);
      }
    }
    return DirectoryReader.open(directory);
  }

  @Test
  void entitiesAndDateReadBackFromDocValuesWithNoStoredCopy() throws IOException {
    Article article = manyEntities();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        DirectoryReader reader =
            indexed(
                directory,
                ArticleDocuments.toDocument(fullArticle()),
                ArticleDocuments.toDocument(article))) {
      assertThat(ArticleDocuments.article(reader, 1)).isEqualTo(article);
      assertThat(ArticleDocuments.article(reader, 0)).isEqualTo(fullArticle());
      Document stored = reader.storedFields().document(1);
      assertThat(stored.getField(ArticleFields.PUBLISHED)).isNull();
      assertThat(stored.getValues(ArticleFields.ENTITIES)).hasSize(1);
      // Only the forms are stored, "Washington" among them.
      for (IndexableField field : stored) {
        if (field.stringValue() != null && !field.name().equals(ArticleFields.BODY)) {
          assertThat(field.stringValue())
              .as(field.name())
              .doesNotContain(
                  "George Washington", "\uFF21cme", "lpha Group", "Abidjan", "Zeta Bank");
        }
      }
    }
  }

  @Test
  void oneReadingReadsArticlesOfSeveralSegmentsInAnyOrder() throws IOException {
    Article undated =
        Article.builder()
            .source("reuters")
            .sourceId("7")
            .title("Undated")
            .body("No entities and no date.")
            .build();
    List<Article> articles =
        List.of(
            manyEntities(),
            undated,
            fullArticle()
                .withEntities(List.of(new Entity("Zeta Bank", EntityType.ORGANIZATION, 1))),
            fullArticle()
                .withEntities(
                    List.of(
                        new Entity("Abidjan", EntityType.LOCATION, 2),
                        new Entity("Mike Pompeo", EntityType.PERSON, 1))),
            manyEntities().withEntities(List.of()));
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(ArticleFields.analyzer()))) {
        for (int i = 0; i < articles.size(); i++) {
          writer.addDocument(ArticleDocuments.toDocument(articles.get(i)));
          if (i == 2) {
            writer.commit(); // the last two in a segment of their own
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.leaves()).hasSize(2);
        // Pages keep the names they read with their segment: twice, then as a later page would.
        List<KeptNames> kept = KeptNames.forLeaves(reader);
        List<ArticleDocuments.Reading> readings =
            List.of(
                ArticleDocuments.reading(reader),
                ArticleDocuments.pageReading(reader, kept),
                ArticleDocuments.pageReading(reader, kept));
        for (ArticleDocuments.Reading reading : readings) {
          // Forward, then back within a segment, the same article twice, back across segments.
          for (int doc : new int[] {0, 1, 2, 3, 4, 2, 0, 0, 4, 3, 1}) {
            assertThat(reading.article(reader.storedFields().document(doc), doc))
                .as("document %d", doc)
                .isEqualTo(articles.get(doc));
          }
        }
        // The second page's names are the strings the first page read; a page that keeps names
        // of its own reads them again.
        Article first =
            ArticleDocuments.pageReading(reader, kept)
                .article(reader.storedFields().document(3), 3);
        Article again =
            ArticleDocuments.pageReading(reader, kept)
                .article(reader.storedFields().document(3), 3);
        Article apart =
            ArticleDocuments.pageReading(reader, KeptNames.forLeaves(reader))
                .article(reader.storedFields().document(3), 3);
        assertThat(again.entities().getFirst().name())
            .isEqualTo("Abidjan")
            .isSameAs(first.entities().getFirst().name());
        assertThat(apart.entities().getFirst().name())
            .isEqualTo("Abidjan")
            .isNotSameAs(first.entities().getFirst().name());
        assertThatThrownBy(() -> ArticleDocuments.pageReading(reader, kept.subList(0, 1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("1 segments' kept names for 2 segments");
      }
    }
  }

  @Test
  void documentsStoredWithTheirEntitiesNamedStillReadBack() throws IOException {
    Article article = fullArticle();
    Document legacy = ArticleDocuments.toDocument(article);
    legacy.removeFields(ArticleFields.ENTITIES);
    legacy.add(new StoredField(ArticleFields.ENTITY, "place\tAbidjan\t1"));
    legacy.add(new StoredField(ArticleFields.ENTITY, "person\tMike Pompeo\t3\tPompeo\tPOMPEO"));
    legacy.add(new StoredField(ArticleFields.PUBLISHED, article.published().toEpochMilli()));
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        DirectoryReader reader = indexed(directory, legacy)) {
      assertThat(ArticleDocuments.article(reader, 0)).isEqualTo(article);
    }
  }

  @Test
  void contentHashCoversWhatIsReadFromDocValues() {
    Article article = fullArticle();
    long hash = ArticleDocuments.contentHash(article);
    // The same ranks, mentions and forms: only the names, which no stored field holds, differ.
    Article renamed =
        article.withEntities(
            List.of(
                new Entity("Accra", EntityType.LOCATION, 1),
                new Entity("Mike Pompeo", EntityType.PERSON, 3, List.of("Pompeo", "POMPEO"))));
    assertThat(ArticleDocuments.contentHash(renamed)).isNotEqualTo(hash);
    Article redated =
        Article.builder()
            .source("reuters")
            .sourceId("42")
            .url(article.url())
            .title(article.title())
            .body(article.body())
            .published(article.published().plusSeconds(60), article.publishedText())
            .language("en-US")
            .author("Jane Doe")
            .entity(article.entities().get(0))
            .entity(article.entities().get(1))
            .codes(CodeScheme.TOPICS, List.of("cocoa"))
            .codes(CodeScheme.PLACES, List.of("ivory-coast", "usa"))
            .build();
    assertThat(ArticleDocuments.contentHash(redated)).isNotEqualTo(hash);
    assertThat(ArticleDocuments.contentHash(manyEntities()))
        .isEqualTo(ArticleDocuments.contentHash(manyEntities()))
        .isNotEqualTo(hash);
  }

  @Test
  void contentHashChangesWithAnyField() {
    Article article = fullArticle();
    Article retitled =
        Article.builder()
            .source("reuters")
            .sourceId("42")
            .url(article.url())
            .title("Cocoa prices fall")
            .body(article.body())
            .published(article.published(), article.publishedText())
            .build();
    assertThat(ArticleDocuments.contentHash(article))
        .isEqualTo(ArticleDocuments.contentHash(fullArticle()))
        .isNotEqualTo(ArticleDocuments.contentHash(retitled))
        .isNotEqualTo(
            ArticleDocuments.contentHash(
                article.withEntities(List.of(new Entity("Abidjan", EntityType.LOCATION, 2)))))
        .isNotEqualTo(
            ArticleDocuments.contentHash(
                article.withEntities(
                    List.of(
                        new Entity("Abidjan", EntityType.LOCATION, 1),
                        new Entity("Mike Pompeo", EntityType.PERSON, 3, List.of("Pompeo"))))));
  }

  @Test
  void eachResolvedFormIsOneTermOfItsEntityWithDocumentsOnly() throws IOException {
    Article article = fullArticle();
    Article other =
        Article.builder()
            .source("reuters")
            .sourceId("43")
            .title("Pompeo")
            .entity(new Entity("Mike Pompeo", EntityType.PERSON, 2, List.of("Pompeo")))
            .build();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(ArticleFields.analyzer()))) {
        writer.addDocument(ArticleDocuments.toDocument(article));
        writer.addDocument(ArticleDocuments.toDocument(other));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Map<String, Integer> terms = new TreeMap<>();
        TermsEnum te = MultiTerms.getTerms(reader, ArticleFields.ENTITY_FORM).iterator();
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          terms.put(term.utf8ToString(), te.docFreq());
        }
        assertThat(terms)
            .containsExactly(
                Map.entry("person\tPOMPEO\tMike Pompeo", 1),
                Map.entry("person\tPompeo\tMike Pompeo", 2));
        assertThat(
                FieldInfos.getMergedFieldInfos(reader)
                    .fieldInfo(ArticleFields.ENTITY_FORM)
                    .getIndexOptions())
            .isEqualTo(IndexOptions.DOCS);
      }
    }
  }

  @Test
  void contentHashCoversStoredFieldsOutsideTitleAndBody() {
    long hash = ArticleDocuments.contentHash(fullArticle());
    Article.Builder changed = Article.builder().source("reuters").sourceId("42");
    changed.url("https://example.org/a/42").title("Cocoa prices rise");
    changed.body("Cocoa prices rose in Abidjan.\nTraders said.").language("en");
    changed.published(Instant.parse("1987-02-26T15:01:01Z"), "26-FEB-1987 15:01:01.79");
    changed.author("Jane Doe").entity(new Entity("Abidjan", EntityType.LOCATION, 1));
    changed.entity(new Entity("Mike Pompeo", EntityType.PERSON, 3, List.of("Pompeo", "POMPEO")));
    changed.codes(CodeScheme.TOPICS, List.of("cocoa"));
    assertThat(ArticleDocuments.contentHash(changed.build()))
        .as("one code fewer")
        .isNotEqualTo(hash);
    changed.codes(CodeScheme.PLACES, List.of("ivory-coast", "usa"));
    assertThat(ArticleDocuments.contentHash(changed.build())).isEqualTo(hash);
    assertThat(ArticleDocuments.contentHash(changed.author("John Roe").build()))
        .as("another author")
        .isNotEqualTo(hash);
  }

  @Test
  void articleReadBackFromTheIndexHasTheSameContentHash() throws IOException {
    Article article = fullArticle();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(ArticleFields.analyzer()))) {
        writer.addDocument(ArticleDocuments.toDocument(article));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        NumericDocValues hashes =
            reader.leaves().getFirst().reader().getNumericDocValues(ArticleFields.CONTENT_HASH);
        assertThat(hashes.advanceExact(0)).isTrue();
        assertThat(ArticleDocuments.contentHash(ArticleDocuments.article(reader, 0)))
            .isEqualTo(hashes.longValue())
            .isEqualTo(ArticleDocuments.contentHash(article));
      }
    }
  }

  @Test
  void codesIterateInSchemeOrderSoTheContentHashIsTheSameInEveryJvm() {
    // Map.copyOf iterates in an order salted per JVM; the content hash renders the codes, so a
    // second ingest in a new JVM would see every multi-scheme article as updated.
    Article.Builder builder = Article.builder().source("reuters").sourceId("7").title("t");
    CodeScheme[] schemes = CodeScheme.values();
    for (int i = schemes.length - 1; i >= 0; i--) {
      builder.codes(schemes[i], List.of(schemes[i].name().toLowerCase(java.util.Locale.ROOT)));
    }
    Article article = builder.build();
    assertThat(article.codes().keySet()).containsExactly(schemes);
    assertThat(article.toString())
        .contains("codes={TOPICS=[topics], PLACES=[places], PEOPLE=[people], ORGS=[orgs]");
  }

  @Test
  void everyEntityTypeHasItsOwnFieldThatMapsBackToIt() {
    assertThat(EntityType.values())
        .extracting(ArticleFields::entityField)
        .containsExactly(ArticleFields.PERSON, ArticleFields.ORG, ArticleFields.PLACE)
        .doesNotHaveDuplicates();
    for (EntityType type : EntityType.values()) {
      assertThat(ArticleFields.entityType(ArticleFields.entityField(type))).isEqualTo(type);
    }
    assertThat(ArticleFields.keywordFields())
        .contains(ArticleFields.PERSON, ArticleFields.ORG, ArticleFields.PLACE);
  }

  @Test
  void languageKeepsOnlyThePrimarySubtag() {
    assertThat(fullArticle().language()).isEqualTo("en");
  }

  @Test
  void idIsDerivedFromSourceAndLocalIdOrFromTheUrl() {
    assertThat(fullArticle().id()).isEqualTo("reuters-42");
    Article noLocalId =
        Article.builder().source("The Guardian").url("https://example.org/x").title("t").build();
    assertThat(noLocalId.id()).matches("the-guardian-[0-9a-f]{16}");
    Article sameUrl =
        Article.builder().source("The Guardian").url("https://example.org/x").title("u").build();
    assertThat(sameUrl.id()).isEqualTo(noLocalId.id());
  }
}
