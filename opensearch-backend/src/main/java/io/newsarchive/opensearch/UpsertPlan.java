package io.newsarchive.opensearch;

import io.newsarchive.index.UpsertOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcomes of articles of a batch, decided against what the index holds for their ids exactly
 * as the local index decides them one by one, and the writes that carry them out: at most one per
 * id, its last content, written only when it differs from what is stored. Each write is conditional
 * on what was read (created only if still absent, replaced only if still at the sequence number
 * read), so an article another writer changed meanwhile fails with a conflict instead of being
 * counted wrongly. Immutable.
 */
final class UpsertPlan {

  /**
   * One article of a batch, with its document.
   *
   * @param position the article's 0-based position in the batch
   * @param id the article's id
   * @param source its document ({@link ArticleSource#toSource})
   * @param hash its content hash
   */
  record Pending(int position, String id, Map<String, Object> source, long hash) {}

  /**
   * What the index holds for an id: its content hash, and the sequence number and primary term of
   * the version read, for a conditional write.
   */
  record Stored(long hash, long seqNo, long primaryTerm) {}

  /**
   * A document to write.
   *
   * @param id the article's id
   * @param source the document
   * @param replaces the stored version it replaces, or empty when the id must still be absent
   */
  record Write(String id, Map<String, Object> source, Optional<Stored> replaces) {}

  private final List<UpsertOutcome> outcomes;
  private final List<Write> writes;

  private UpsertPlan(List<UpsertOutcome> outcomes, List<Write> writes) {
    this.outcomes = outcomes;
    this.writes = writes;
  }

  /** The plan for {@code articles} in their order, against the {@code stored} versions by id. */
  static UpsertPlan decide(List<Pending> articles, Map<String, Stored> stored) {
    Map<String, Long> current = new HashMap<>();
    stored.forEach((id, version) -> current.put(id, version.hash()));
    Map<String, Pending> last = new LinkedHashMap<>();
    List<UpsertOutcome> outcomes = new ArrayList<>(articles.size());
    for (Pending article : articles) {
      Long previous = current.get(article.id());
      if (previous == null) {
        outcomes.add(UpsertOutcome.ADDED);
      } else if (previous == article.hash()) {
        outcomes.add(UpsertOutcome.UNCHANGED);
      } else {
        outcomes.add(UpsertOutcome.UPDATED);
      }
      current.put(article.id(), article.hash());
      last.put(article.id(), article);
    }
    List<Write> writes = new ArrayList<>();
    for (Pending article : last.values()) {
      Optional<Stored> replaces = Optional.ofNullable(stored.get(article.id()));
      if (replaces.isEmpty() || replaces.get().hash() != article.hash()) {
        writes.add(new Write(article.id(), article.source(), replaces));
      }
    }
    return new UpsertPlan(List.copyOf(outcomes), List.copyOf(writes));
  }

  /** The outcome of each article, in the order given to {@link #decide}. */
  List<UpsertOutcome> outcomes() {
    return outcomes;
  }

  /** The documents to write, at most one per id, in the order of their ids' first articles. */
  List<Write> writes() {
    return writes;
  }
}
