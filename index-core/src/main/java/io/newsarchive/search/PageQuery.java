package io.newsarchive.search;

import java.util.Optional;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The query that collects a page, as its plan routes it: the query as typed, or expanded by the
 * feedback words found before the page is collected, or reordered by meaning before it. Immutable.
 *
 * @param query the query the page is collected and counted by
 * @param expansion the feedback words it was expanded with before the page was collected, if any
 */
record PageQuery(Query query, Optional<FeedbackExpansion.Expansion> expansion) {

  /**
   * Whether the query is empty and without filters: it matches every article, its total and counts
   * are the index version's, counted once, and the sort may find its top hits without visiting
   * every article.
   */
  boolean everything() {
    return query instanceof MatchAllDocsQuery;
  }
}
