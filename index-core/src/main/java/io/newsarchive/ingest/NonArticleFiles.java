package io.newsarchive.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognizes, by name, files that travel with article collections but hold no articles:
 * documentation, checksums, DTDs, the extra files of the Reuters-21578 distribution, and the
 * queries and judgments of SMART test collections. Discovery skips them inside directories instead
 * of reporting them as unreadable. Stateless.
 */
final class NonArticleFiles {

  private NonArticleFiles() {}

  /** Why a file found in a directory is not an article file, or empty when it may be one. */
  static Optional<String> reason(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith("readme")
        || name.startsWith("license")
        || name.startsWith("licence")
        || name.startsWith("copying")
        || name.startsWith("changelog")
        || name.equals("source.md")
        || name.endsWith(".md")) {
      return Optional.of("documentation");
    }
    if (name.endsWith(".bin")) {
      return Optional.of("binary data (e.g. the named-entity model in data/models)");
    }
    Path folder = file.getParent() == null ? null : file.getParent().getFileName();
    if (folder != null && folder.toString().equals("gazetteers")) {
      return Optional.of("name list for entity extraction (data/gazetteers)");
    }
    if (name.endsWith(".dtd") || name.endsWith(".xsd")) {
      return Optional.of("document type definition");
    }
    if (name.startsWith("sha256sums")
        || name.startsWith("md5sums")
        || name.endsWith(".sha256")
        || name.endsWith(".md5")) {
      return Optional.of("checksums");
    }
    if (name.startsWith("all-") && name.endsWith("-strings.lc.txt")) {
      return Optional.of("Reuters-21578 list of category names");
    }
    if (name.startsWith("cat-descriptions")) {
      return Optional.of("Reuters-21578 category descriptions");
    }
    if (name.endsWith(".que")
        || name.endsWith(".qry")
        || name.endsWith(".rel")
        || name.endsWith(".stp")
        || name.startsWith("qrels")
        || name.equals("queries.tsv")
        || name.equals("query.text")
        || name.equals("cranqrel")
        || name.equals("common_words")) {
      return Optional.of("queries, relevance judgments or stop words of a test collection");
    }
    if (name.equals("feldman-cia-worldfactbook-data.txt")) {
      return Optional.of("Reuters-21578 contributed resource (CIA World Factbook data)");
    }
    return Optional.empty();
  }

  /** Whether a file or directory is hidden by the Unix convention of a leading dot. */
  static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null
        && name.toString().startsWith(".")
        && !name.toString().equals(".")
        && !name.toString().equals("..");
  }
}
