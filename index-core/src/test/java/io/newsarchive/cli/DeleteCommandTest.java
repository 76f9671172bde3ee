package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.EntityType;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.UpsertOutcome;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteCommandTest {

  @TempDir Path temp;

  private Path index;

  @BeforeEach
  void indexTheTestArchive() throws IOException {
    index = temp.resolve("index");
    try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
      indexer.upsert(TestArticles.archive());
    }
  }

  private CliRun delete(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--index";
    all[1] = index.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(new DeleteCommand(), all);
  }

  private List<String> ids() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      StoredFields stored = reader.storedFields();
      List<String> ids = new ArrayList<>();
      org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          ids.add(stored.document(doc).get(ArticleFields.ID));
        }
      }
      return ids.stream().sorted().toList();
    }
  }

  private long commitGeneration() throws IOException {
    try (FSDirectory directory = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(directory).getGeneration();
    }
  }

  @Test
  void deleteWithoutASelectorIsAnErrorAndDeletesNothing() throws IOException {
    CliRun run = delete();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required argument", "--id", "--source", "--query");
    assertThat(ids()).hasSize(8);
  }

  @Test
  void dryRunCountsAndChangesNothing() throws IOException {
    long generation = commitGeneration();

    CliRun run = delete("--source", "kayhan.ir", "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Would delete 2 of 8 articles from " + index + " (dry run: nothing was changed).");
    assertThat(commitGeneration()).isEqualTo(generation);
    assertThat(ids()).hasSize(8);
  }

  @Test
  void deletingASourceAlsoRemovesTheNamesOnlyItsArticlesHeld() throws IOException {
    CliRun run = delete("--source", "kayhan.ir");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Deleted 2 of 8 articles from " + index + "; the index holds 6 articles.");
    assertThat(ids()).noneMatch(id -> id.startsWith("kayhan"));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      ArchiveEntityNames names = ArchiveEntityNames.read(reader);
      assertThat(names.of(EntityType.PERSON).canonicalNames()).doesNotContain("Mike Pompeo");
      assertThat(names.of(EntityType.LOCATION).canonicalNames())
          .doesNotContain("Baghdad", "Iraq", "Basra")
          .contains("London", "Ghana");
      assertThat(names.of(EntityType.LOCATION).articles("London")).isEqualTo(2);
    }
  }

  @Test
  void deleteByQueryTakesTheSearchParametersAndDates() throws IOException {
    CliRun dry = delete("--query", "oil", "--dry-run");
    CliRun run = delete("--query", "oil", "--from", "1987-01-01", "--to", "1987-12-31");

    assertThat(dry.out()).contains("Would delete 3 of 8");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Deleted 1 of 8");
    assertThat(ids()).doesNotContain("reuters-3").contains("kayhan-5", "kayhan-6");
    CliRun bySource = delete("--query", "", "--param", "source=kayhan.ir");
    assertThat(bySource.out()).contains("Deleted 2 of 7");
  }

  @Test
  void deleteByIdDeletesThoseThatExist() throws IOException {
    CliRun run = delete("--id", "reuters-1", "reuters-2", "no-such-id");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Deleted 2 of 8");
    assertThat(ids()).doesNotContain("reuters-1", "reuters-2").hasSize(6);
  }

  @Test
  void badSearchParametersAreRefusedWithAMessage() throws IOException {
    CliRun unknown = delete("--query", "oil", "--param", "nosuch=1");
    CliRun misplaced = delete("--id", "reuters-1", "--from", "1987-01-01");
    CliRun badDate = delete("--query", "oil", "--from", "last tuesday");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: ", "nosuch");
    assertThat(misplaced.exitCode()).isEqualTo(2);
    assertThat(misplaced.err()).contains("--from, --to and --param need --query");
    assertThat(badDate.exitCode()).isEqualTo(2);
    assertThat(badDate.err()).contains("from");
    assertThat(ids()).hasSize(8);
  }

  @Test
  void aDeletedArticleIsAddedAgainByALaterUpsert() throws IOException {
    try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
      assertThat(
              indexer.delete(
                  org.apache.lucene.document.KeywordField.newExactQuery(
                      ArticleFields.ID, "reuters-1")))
          .isEqualTo(1);
      assertThat(indexer.upsert(TestArticles.archive().getFirst())).isEqualTo(UpsertOutcome.ADDED);
    }
    assertThat(ids()).hasSize(8);
  }

  @Test
  void missingIndexIsReportedNotCreated() {
    index = temp.resolve("nothing-here");

    CliRun run = delete("--id", "x");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("error: no index at " + index);
    assertThat(index).doesNotExist();
  }
}
