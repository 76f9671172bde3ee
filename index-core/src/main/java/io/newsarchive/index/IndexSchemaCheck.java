package io.newsarchive.index;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;

/** Checks that an index directory was written with this build's schema version. */
public final class IndexSchemaCheck {

  private IndexSchemaCheck() {}

  /**
   * Returns normally when {@code directory} holds no index yet or an index of {@link
   * ArticleFields#SCHEMA_VERSION}.
   *
   * @throws IndexVersionException when it holds another version or a foreign index
   */
  public static void requireCompatible(Directory directory, Path location) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    IndexCommit commit = DirectoryReader.listCommits(directory).getLast();
    Map<String, String> userData = commit.getUserData();
    String version = userData.get(ArticleFields.SCHEMA_KEY);
    if (version == null) {
      throw new IndexVersionException(
          location
              + " holds a Lucene index that newsarchive did not write; "
              + "choose an empty directory for --index");
    }
    if (!version.equals(String.valueOf(ArticleFields.SCHEMA_VERSION))) {
      throw new IndexVersionException(
          location
              + " was built with index schema version "
              + version
              + " but this newsarchive uses version "
              + ArticleFields.SCHEMA_VERSION
              + "; re-index your articles into a new directory");
    }
  }

  /**
   * Whether {@code directory} holds files an index writer left (segments, {@code write.lock}) but
   * no commit: an ingest stopped before its first commit, so it holds no readable index.
   */
  public static boolean isInterruptedFirstIngest(Directory directory) throws IOException {
    if (DirectoryReader.indexExists(directory)) {
      return false;
    }
    for (String file : directory.listAll()) {
      if (file.equals("write.lock") || file.startsWith("_") || file.startsWith("pending_")) {
        return true;
      }
    }
    return false;
  }

  /** What happened to a directory that {@link #isInterruptedFirstIngest}, and what to do. */
  public static String interruptedFirstIngest() {
    return "the directory holds the files of an ingest that was interrupted before its first"
        + " commit, so no article in it is readable; run newsarchive index again over the same"
        + " input (re-running is safe: articles are upserted by id)";
  }

  /** The commit user data that marks an index as written with this schema. */
  public static Map<String, String> commitUserData() {
    return Map.of(ArticleFields.SCHEMA_KEY, String.valueOf(ArticleFields.SCHEMA_VERSION));
  }
}
