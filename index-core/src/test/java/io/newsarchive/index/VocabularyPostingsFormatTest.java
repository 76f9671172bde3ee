package io.newsarchive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class VocabularyPostingsFormatTest {

  private static final int ARTICLES = 2_400;

  /**
   * The same adds, replacements and deletions of real articles go into an index in this format,
   * into one in Lucene's postings and into one written in Lucene's postings and then merged in this
   * format; every word of the vocabulary fields must have the same article count in all three, with
   * the deleted articles counted before a merge and gone after it, as Lucene counts them.
   */
  @Test
  void countsEqualLucenesThroughReplacementsDeletionsAndMerges() throws IOException {
    List<Article> articles = reutersArticles();
    try (Directory vocabulary = new ByteBuffersDirectory();
        Directory standard = new ByteBuffersDirectory();
        Directory upgraded = new ByteBuffersDirectory()) {
      try (IndexWriter vocabularyWriter = new IndexWriter(vocabulary, config(true));
          IndexWriter standardWriter = new IndexWriter(standard, config(false));
          IndexWriter upgradedWriter = new IndexWriter(upgraded, config(false))) {
        for (IndexWriter writer : List.of(vocabularyWriter, standardWriter, upgradedWriter)) {
          // Four segments, then a fifth of replacements, with deletions in the first four.
          writeFirstArticles(writer, articles);
        }
        // Without merges, every segment holds the same articles: the counts include the deleted.
        assertSameCounts(vocabulary, standard);
        for (IndexWriter writer : List.of(vocabularyWriter, standardWriter)) {
          mergeAndWriteMore(writer, articles);
        }
      }
      try (IndexWriter upgradedWriter = new IndexWriter(upgraded, config(true))) {
        mergeAndWriteMore(upgradedWriter, articles);
      }
      assertSameCounts(vocabulary, standard);
      assertSameCounts(upgraded, standard);
      try (DirectoryReader reader = DirectoryReader.open(vocabulary)) {
        assertThat(reader.leaves()).hasSize(1);
        assertThat(reader.numDocs()).isEqualTo(reader.maxDoc()).isEqualTo(ARTICLES - 450);
        TermsEnum words =
            reader.leaves().get(0).reader().terms(ArticleFields.BODY_EXACT).iterator();
        assertThat(words.seekExact(new BytesRef("the"))).isTrue();
        assertThatThrownBy(() -> words.postings(null, PostingsEnum.NONE))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("body_exact")
            .hasMessageContaining("search body instead");
      }
      assertThat(Arrays.stream(vocabulary.listAll()).filter(file -> file.contains("Vocabulary")))
          .isNotEmpty()
          .allMatch(
              file -> file.endsWith(".tim") || file.endsWith(".tip") || file.endsWith(".tmd"));
    }
  }

  /** The first {@link #ARTICLES} articles of Reuters-21578, as the indexer stored them. */
  private static List<Article> reutersArticles() throws IOException {
    List<Article> articles = new ArrayList<>();
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(ReutersIndex.get().directory()))) {
      for (int doc = 0; articles.size() < ARTICLES; doc++) {
        articles.add(ArticleDocuments.article(reader, doc));
      }
    }
    return articles;
  }

  private static IndexWriterConfig config(boolean vocabulary) {
    IndexWriterConfig config =
        new IndexWriterConfig(ArticleFields.analyzer())
            .setMergePolicy(NoMergePolicy.INSTANCE)
            .setMergeScheduler(new SerialMergeScheduler());
    return config.setCodec(
        vocabulary ? ArticleIndexer.writerConfig().getCodec() : Codec.getDefault());
  }

  /**
   * Adds the first 2,000 articles in four commits, replaces 150 of them by other articles' texts
   * and deletes 150 others.
   */
  private static void writeFirstArticles(IndexWriter writer, List<Article> articles)
      throws IOException {
    for (int i = 0; i < 2_000; i++) {
      writer.addDocument(ArticleDocuments.toDocument(articles.get(i)));
      if (i % 500 == 499) {
        writer.commit();
      }
    }
    for (int i = 0; i < 150; i++) {
      Article old = articles.get(i * 13);
      Article other = articles.get(2_000 + i);
      writer.updateDocument(
          new Term(ArticleFields.ID, old.id()),
          ArticleDocuments.toDocument(
              Article.builder()
                  .id(old.id())
                  .source(old.source())
                  .title(other.title())
                  .body(other.body())
                  .build()));
      writer.deleteDocuments(new Term(ArticleFields.ID, articles.get(i * 13 + 5).id()));
    }
    writer.commit();
  }

  /**
   * Merges into one segment, deletes 150 articles of it, adds the last 250 articles, and merges
   * again.
   */
  private static void mergeAndWriteMore(IndexWriter writer, List<Article> articles)
      throws IOException {
    writer.getConfig().setMergePolicy(new TieredMergePolicy());
    writer.forceMerge(1);
    writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    for (int i = 0; i < 150; i++) {
      writer.deleteDocuments(new Term(ArticleFields.ID, articles.get(i * 13 + 7).id()));
    }
    for (int i = 2_150; i < ARTICLES; i++) {
      writer.addDocument(ArticleDocuments.toDocument(articles.get(i)));
    }
    writer.commit();
    writer.getConfig().setMergePolicy(new TieredMergePolicy());
    writer.forceMerge(1);
    writer.commit();
  }

  /** Every word of both indexes' vocabulary fields has the same article count in each. */
  private static void assertSameCounts(Directory actual, Directory expected) throws IOException {
    try (DirectoryReader actualReader = DirectoryReader.open(actual);
        DirectoryReader expectedReader = DirectoryReader.open(expected)) {
      assertThat(actualReader.leaves()).hasSameSizeAs(expectedReader.leaves());
      for (String field : ArticleFields.VOCABULARY.keySet()) {
        List<String> actualWords = words(actualReader, field);
        List<String> expectedWords = words(expectedReader, field);
        assertThat(actualWords).hasSizeGreaterThan(3_000).isEqualTo(expectedWords);
        for (String word : expectedWords) {
          Term term = new Term(field, word);
          assertThat(actualReader.docFreq(term))
              .as("articles holding %s", term)
              .isEqualTo(expectedReader.docFreq(term));
        }
      }
    }
  }

  private static List<String> words(DirectoryReader reader, String field) throws IOException {
    List<String> words = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    TermsEnum enumeration = terms.iterator();
    for (BytesRef word = enumeration.next(); word != null; word = enumeration.next()) {
      words.add(word.utf8ToString());
    }
    return words;
  }
}
