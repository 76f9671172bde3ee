package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.index.IndexVersionException;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.indices.analyze.AnalyzeToken;

/** The index {@link OpenSearchSchema} creates, on one real node, against the local index's. */
class OpenSearchSchemaTest {

  private static OpenSearchCluster cluster;
  private static OpenSearchConnection connection;

  @BeforeAll
  static void startNode() throws IOException {
    cluster = OpenSearchCluster.start(1);
    connection = cluster.connect();
  }

  @AfterAll
  static void stopNode() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void articlesComeBackAsTheyWereSentWithTheirEntitiesAndHash() throws IOException {
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, "roundtrip", 1, 0);
    NamedEntityExtractor tagger = NamedEntityExtractor.loadDefault();
    List<Article> articles = new ArrayList<>();
    for (Article article : ReutersArticles.first(60)) {
      articles.add(article.withEntities(tagger.extract(article.title(), article.body())));
    }
    ArticleBulk.add(client, "roundtrip", articles);

    assertThat(articles.stream().filter(a -> !a.entities().isEmpty()).count()).isGreaterThan(30);
    for (Article article : articles) {
      @SuppressWarnings("unchecked")
      GetResponse<Map<String, Object>> got =
          client.get(g -> g.index("roundtrip").id(article.id()), (Class) Map.class);
      assertThat(ArticleSource.toArticle(got.source())).isEqualTo(article);
      assertThat(ArticleSource.contentHash(got.source()))
          .hasValue(io.newsarchive.schema.ArticleDocuments.contentHash(article));
    }
    // Each resolved form is a keyword of its article, as in the local index.
    int forms = 0;
    for (Article article : articles) {
      for (Entity entity : article.entities()) {
        for (String form : entity.forms()) {
          String value = ArticleFields.entityForm(entity.type(), form, entity.name());
          long holding =
              client
                  .count(c ->
                      c.index("roundtrip")
                          .query(q ->
                              q.bool(b ->
                                  b.filter(f ->
                                          f.term(t ->
                                              t.field(ArticleFields.ENTITY_FORM)
                                                  .value(FieldValue.of(value))))
                                      .filter(f ->
                                          f.term(t ->
                                              t.field(ArticleFields.ID)
                                                  .value(FieldValue.of(article.id())))))))
                  .count();
          assertThat(holding).as(value).isEqualTo(1);
          forms++;
        }
      }
    }
    assertThat(forms).isGreaterThan(10);
  }

  @Test
  void theIndexChecksAsThisSchemaVersionAndOthersAreRefused() throws IOException {
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, "current", 1, 0);
    client
        .indices()
        .create(c ->
            c.index("older")
                .mappings(m ->
                    m.meta(ArticleFields.SCHEMA_KEY, JsonData.of("1"))
                        .properties("id", p -> p.keyword(k -> k))));
    TestIndex.create(client, "foreign", 1, 0);
    client
        .indices()
        .create(c ->
            c.index("storyless")
                .mappings(m ->
                    m.meta(
                            ArticleFields.SCHEMA_KEY,
                            JsonData.of(String.valueOf(ArticleFields.SCHEMA_VERSION)))
                        .properties("id", p -> p.keyword(k -> k))));

    OpenSearchSchema.requireCompatible(client, "current");
    var settings =
        client.indices().getSettings(g -> g.index("current").flatSettings(true)).get("current");
    assertThat(settings.settings().customSettings())
        .containsKeys("index.similarity.default.k1", "index.similarity.default.b");
    assertThat(
            settings
                .settings()
                .customSettings()
                .get("index.similarity.default.k1")
                .to(String.class))
        .isEqualTo(String.valueOf(io.newsarchive.search.Ranking.K1));
    assertThat(OpenSearchSchema.exists(client, "current")).isTrue();
    assertThat(OpenSearchSchema.exists(client, "missing")).isFalse();
    assertThatThrownBy(() -> OpenSearchSchema.requireCompatible(client, "older"))
        .isInstanceOf(IndexVersionException.class)
        .hasMessageContaining("schema version 1")
        .hasMessageContaining("uses version " + ArticleFields.SCHEMA_VERSION);
    assertThatThrownBy(() -> OpenSearchSchema.requireCompatible(client, "storyless"))
        .isInstanceOf(IndexVersionException.class)
        .hasMessageContaining("built without stories");
    assertThatThrownBy(() -> OpenSearchSchema.requireCompatible(client, "foreign"))
        .isInstanceOf(IndexVersionException.class)
        .hasMessageContaining("not created by newsarchive");
    assertThatThrownBy(() -> OpenSearchSchema.create(client, "current", 1, 0))
        .isInstanceOfSatisfying(
            OpenSearchException.class,
            e -> assertThat(e.error().type()).isEqualTo("resource_already_exists_exception"));
    assertThatThrownBy(() -> OpenSearchSchema.requireCompatible(client, "missing"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no index missing");
  }

  @Test
  void everyAnalyzedFieldMakesTheTokensOfTheLocalIndex() throws IOException {
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, "analysis", 1, 0);
    Analyzer index = ArticleFields.analyzer();
    Analyzer query = ArticleFields.queryAnalyzer();
    List<String> texts = new ArrayList<>();
    for (Article article : ReutersArticles.first(20)) {
      texts.add(article.title());
      texts.add(article.body());
    }
    texts.add("The Bank of England's governor, O'Neill & Co. at U.S. $1.5 bln");
    List<String> fields = new ArrayList<>();
    fields.add(ArticleFields.TITLE);
    fields.add(ArticleFields.TITLE_EXACT);
    fields.add(ArticleFields.BODY_EXACT);
    fields.add(ArticleFields.PERSON + ArticleFields.TEXT_SUFFIX);
    for (String field : fields) {
      for (String text : texts) {
        assertThat(analyzed(client, field, text, false))
            .as(field + " indexing " + text)
            .isEqualTo(tokens(index, field, text));
        assertThat(analyzed(client, field, text, true))
            .as(field + " querying " + text)
            .isEqualTo(tokens(query, field, text));
      }
    }
  }

  @Test
  void anIndexWithoutTheLanguageFieldsGetsThemAndOneWithThemKeepsThem() throws IOException {
    OpenSearchClient client = connection.client();
    // As an index of this schema version made before other languages were stored.
    client
        .indices()
        .create(c ->
            c.index("before-languages")
                .mappings(m -> m.properties(ArticleFields.ID, p -> p.keyword(k -> k))));
    OpenSearchLanguages.addFields(client, "before-languages");
    OpenSearchSchema.create(client, "with-languages", 1, 0);
    OpenSearchLanguages.addFields(client, "with-languages");

    for (String index : List.of("before-languages", "with-languages")) {
      var properties =
          client
              .indices()
              .getMapping(g -> g.index(index))
              .result()
              .get(index)
              .mappings()
              .properties();
      assertThat(properties.get("title_fa").text().analyzer()).as(index).isEqualTo("persian");
      assertThat(properties.get("body_ar").text().analyzer()).as(index).isEqualTo("arabic");
      assertThat(properties.get("body_zh").text().analyzer()).as(index).isEqualTo("cjk");
      assertThat(properties).as(index).doesNotContainKey("body_ne");
    }
  }

  @Test
  void everyLanguageFieldMakesTheTokensOfItsLanguagesLocalAnalyzer(@TempDir Path temp)
      throws IOException, URISyntaxException {
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, "languages", 1, 0);
    List<String> texts = new ArrayList<>();
    Path fixtures = LanguageFixtures.copyTo(temp);
    try (Stream<Path> files = Files.walk(fixtures)) {
      for (Path file : files.filter(f -> !f.toString().endsWith(".md")).sorted().toList()) {
        if (Files.isRegularFile(file)) {
          texts.add(Files.readString(file));
        }
      }
    }
    assertThat(texts).hasSize(5);
    // Headlines in scripts the fixtures lack.
    texts.add("กรุงเทพมหานครประกาศปิดโรงเรียนเนื่องจากน้ำท่วมหนักในหลายพื้นที่");
    texts.add("Правительство объявило о повышении цен на нефть в понедельник");
    texts.add("Η κυβέρνηση ανακοίνωσε αύξηση των τιμών του πετρελαίου");
    texts.add("政府宣布提高石油价格，東京の株式市場は上昇した");
    texts.add("सरकार ने तेल की कीमतों में वृद्धि की घोषणा की");
    assertThat(OpenSearchLanguages.analyzers()).containsKeys("fa", "ar", "fr", "de", "zh");
    Map<String, String> differing = new TreeMap<>();
    for (String language : OpenSearchLanguages.analyzers().keySet()) {
      try (Analyzer local = TextLanguages.textAnalyzer(language)) {
        for (String field : List.of(ArticleFields.TITLE, ArticleFields.BODY)) {
          String held = OpenSearchLanguages.field(field, language);
          for (String text : texts) {
            List<String> theirs =
                client
                    .indices()
                    .analyze(a -> a.index("languages").field(held).text(text))
                    .tokens()
                    .stream()
                    .map(AnalyzeToken::token)
                    .toList();
            List<String> ours = tokens(local, field, text);
            // OpenSearch's Thai tokenizer keeps a zero-width non-joiner (U+200C, which Persian
            // writes and Thai does not) inside a word, ours drops it: known, and left so.
            boolean known = language.equals("th") && text.indexOf('\u200c') >= 0;
            if (!theirs.equals(ours) && !known) {
              differing.put(held, firstDifference(ours, theirs));
            }
          }
        }
      }
    }
    assertThat(differing).isEmpty();
  }

  private static String firstDifference(List<String> ours, List<String> theirs) {
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      if (!ours.get(i).equals(theirs.get(i))) {
        return "token " + i + ": locally " + ours.get(i) + ", on OpenSearch " + theirs.get(i);
      }
    }
    return ours.size() + " tokens locally, " + theirs.size() + " on OpenSearch";
  }

  /** The tokens the index's mapping makes of {@code text} in {@code field}. */
  private static List<String> analyzed(
      OpenSearchClient client, String field, String text, boolean searching) throws IOException {
    // Indexing is analyzed as the mapping says for the field; querying by the analyzer the
    // mapping names as the field's search analyzer.
    return client
        .indices()
        .analyze(a ->
            searching
                ? a.index("analysis").analyzer(searchAnalyzer(field)).text(text)
                : a.index("analysis").field(field).text(text))
        .tokens()
        .stream()
        .map(AnalyzeToken::token)
        .toList();
  }

  private static String indexAnalyzer(String field) {
    return field.equals(ArticleFields.TITLE) || field.equals(ArticleFields.BODY)
        ? OpenSearchSchema.ENGLISH_ANALYZER
        : OpenSearchSchema.EXACT_ANALYZER;
  }

  private static String searchAnalyzer(String field) {
    return field.endsWith(ArticleFields.TEXT_SUFFIX)
        ? OpenSearchSchema.NAMES_QUERY_ANALYZER
        : indexAnalyzer(field);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }
}
