package io.newsarchive.schema;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
        Document stored = reader.storedFields().document(0);
        assertThat(ArticleDocuments.toArticle(stored)).isEqualTo(article);
      }
    }
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
        Document stored = reader.storedFields().document(0);
        NumericDocValues hashes =
            reader.leaves().getFirst().reader().getNumericDocValues(ArticleFields.CONTENT_HASH);
        assertThat(hashes.advanceExact(0)).isTrue();
        assertThat(ArticleDocuments.contentHash(ArticleDocuments.toArticle(stored)))
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
