package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index command over the whole rss-news-2023 export; a class of its own so that the build runs
 * it beside the other long indexing tests.
 */
class RssCorpusIndexTest {

  @TempDir Path temp;

  @Test
  void rssNews2023ReadsAsIsWithoutOptions() throws IOException {
    Path corpus = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    Path index = temp.resolve("rss");

    CliRun run =
        CliRun.run(
            new IndexCommand(),
            "--index",
            index.toString(),
            "--entities",
            "none",
            corpus.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read 121,844,", "added 121,844,", "rejected 0,");
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertThat(reader.numDocs()).isEqualTo(121_844);
    }
  }
}
