package io.newsarchive.search.eval;

import java.io.IOException;
import java.util.List;

/**
 * Writes ranked runs in the TREC format that {@code trec_eval} reads: {@code qid Q0 docid rank
 * score tag}, one line per retrieved document. Stateless, so thread-safe.
 */
public final class TrecRun {

  private TrecRun() {}

  /**
   * Appends one query's run, in {@link RankingMetrics#trecOrder} with ranks from 1. Scores are
   * written so that they read back as the same double, hence rank the same in {@code trec_eval}.
   *
   * @throws IOException when {@code out} cannot be written
   */
  public static void append(Appendable out, String query, List<ScoredDoc> run, String tag)
      throws IOException {
    if (query.isBlank() || query.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("query id '" + query + "' must be one word");
    }
    if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("run tag '" + tag + "' must be one word");
    }
    List<ScoredDoc> ranked = RankingMetrics.trecOrder(run);
    for (int i = 0; i < ranked.size(); i++) {
      ScoredDoc doc = ranked.get(i);
      out.append(query)
          .append(" Q0 ")
          .append(doc.docId())
          .append(' ')
          .append(Integer.toString(i + 1))
          .append(' ')
          .append(Double.toString(doc.score()))
          .append(' ')
          .append(tag)
          .append('\n');
    }
  }
}
