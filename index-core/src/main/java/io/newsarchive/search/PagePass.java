package io.newsarchive.search;

import io.newsarchive.search.ArticleQueryParser.TextQuery;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * One pass of a page search over one index version, with the words that {@link WordRelaxation}
 * gives it: what every step of the pass reads. Used by the thread that runs the request.
 *
 * @param searcher the index version searched
 * @param timed a searcher of its own over the same version, which carries the deadline
 * @param deadline when the search must stop, and from whose start its time counts
 * @param request the request
 * @param text the words of this pass
 * @param relaxed whether they are fewer than asked
 * @param typed the query of {@code text} with the request's filters, rewritten once
 */
record PagePass(
    ArchiveSearcher searcher,
    IndexSearcher timed,
    SearchDeadline deadline,
    SearchRequest request,
    TextQuery text,
    WordRelaxation.Relaxed relaxed,
    Query typed,
    StoredDocuments documents) {

  /** What the query's words matched, when it has words. */
  Optional<WordsMatched> matched() {
    if (text.words() == 0) {
      return Optional.empty();
    }
    WordsMatched words = WordsMatched.of(text.required(), text.words());
    return Optional.of(relaxed == WordRelaxation.Relaxed.YES ? words.asRelaxed() : words);
  }
}
