package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.junit.jupiter.api.Test;

/** Where a build of the suggestions keeps its index, and that it leaves nothing behind. */
class SuggestionFilesTest {

  @Test
  void aBuildAnswersFromMappedFilesAndClosingLeavesNothing() throws IOException {
    SuggestionFiles files = SuggestionFiles.create();
    Path folder = files.folder();
    assertThat(folder).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
    StandardAnalyzer analyzer = new StandardAnalyzer();
    AnalyzingInfixSuggester lookup =
        new AnalyzingInfixSuggester(
            files.directory(), analyzer, analyzer, 3, false, true, false, true);
    lookup.build(titles(List.of("Cocoa prices rise", "Coffee talks fail")));
    assertThat(listing(folder)).isNotEmpty();

    files.unlinkMapped();
    if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")) {
      // Mapped, the files answer though the folder no longer lists them.
      assertThat(listing(folder)).isEmpty();
    }
    List<Lookup.LookupResult> found = lookup.lookup("coc", 5, true, false);
    assertThat(found).extracting(r -> r.key.toString()).containsExactly("Cocoa prices rise");

    lookup.close();
    files.close();
    assertThat(folder).doesNotExist();
  }

  /** The titles, each of weight 1, as the suggester's own entries give them. */
  private static TitleSuggester.Entries titles(List<String> titles) {
    return new TitleSuggester.Entries(
        titles.stream()
            .map(title -> new TitleSuggester.Entry(title, 1, Suggestion.Kind.TITLE))
            .toList());
  }

  private static List<Path> listing(Path folder) throws IOException {
    try (var list = Files.list(folder)) {
      return list.toList();
    }
  }
}
