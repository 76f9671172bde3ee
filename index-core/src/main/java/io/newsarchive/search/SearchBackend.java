package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The archive as the server, {@code bench} and {@code evaluate-ranking} search it: searches,
 * article lookups, related articles, entity lists, suggestions and statistics over one collection
 * of articles. A server answers from one backend, chosen when it starts (the local index, {@link
 * ArticleSearcher}, by default); whoever opened the backend owns it and closes it after the last
 * call.
 *
 * <p>Every implementation answers a request with the same meaning: the same query syntax, filters,
 * sorts and paging, counts over the whole matching set, and the same errors for a bad request.
 * Implementations are thread-safe: every method may be called from many threads at once, and a
 * search running on one thread is stopped early by {@link #cancelSearches()} called on another.
 */
public interface SearchBackend extends Closeable {

  /**
   * Runs one search. The result's total, facets and timeline count every matching article, not only
   * the page, exactly unless {@link SearchResult#timedOut()} says the time budget ran out; the page
   * follows the request's sort, and its {@link SearchResult#nextCursor()} continues it. A search
   * whose time budget runs out, or that {@link #cancelSearches()} or the calling thread's {@link
   * SearchCancellation} stops, answers what it has found, flagged as timed out.
   *
   * @throws InvalidRequestException when the query does not parse or is too expensive to run
   * @throws SearchesBusyException when the backend is saturated and the client should retry later
   * @throws IOException when the archive cannot be read
   */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * The article with {@code id}, as it was ingested (with its entities); empty when the archive
   * holds none.
   *
   * @throws IOException when the archive cannot be read
   */
  Optional<Article> article(String id) throws IOException;

  /**
   * The story of the article with {@code id}; empty when the archive holds no such article. A
   * backend that does not group copies answers each article as its own story.
   *
   * @throws IOException when the archive cannot be read
   */
  default Optional<Story> story(String id) throws IOException {
    return article(id).map(article -> new Story(article.id(), 1));
  }

  /**
   * Up to {@code size} articles most like the one with {@code id}, by their shared distinctive
   * words and entities, most alike first; never the article itself. Empty when the id is unknown.
   *
   * @throws InvalidRequestException when {@code size} is outside {@link
   *     SearchParameters#RELATED_SIZE}'s limits
   * @throws IOException when the archive cannot be read
   */
  Optional<List<Hit>> related(String id, int size) throws IOException;

  /**
   * The most frequent entities of one type among the articles matching {@code request}: its query
   * and filters count, its page and facets are ignored; at most its {@link
   * SearchParameters#FACET_SIZE} entities, counted over the whole matching set, most frequent
   * first.
   *
   * @throws InvalidRequestException as {@link #search} does
   * @throws IOException when the archive cannot be read
   */
  List<FacetCount> topEntities(EntityType type, SearchRequest request) throws IOException;

  /**
   * What is unusual in the results of {@code request}: the {@code size} words, and as many people,
   * organizations and places, most over-represented among its best {@code sample} matches by
   * relevance against the whole archive, as {@link Significance} defines it. Its query and filters
   * count; its sort, page and facets are ignored.
   *
   * @throws InvalidRequestException as {@link #search} does, and when {@code size} or {@code
   *     sample} is outside the limits of {@link SearchParameters#SIGNIFICANT_SIZE} or {@link
   *     SearchParameters#SAMPLE}
   * @throws IOException when the archive cannot be read
   */
  SignificantTerms significant(SearchRequest request, int size, int sample) throws IOException;

  /** The canonical entity names of the archive as it is now. */
  ArchiveEntityNames entityNames() throws IOException;

  /**
   * The entity that {@code name}, in any of its variants, names: its canonical name, how many
   * articles hold it under any name, and each name the archive holds for it with its articles;
   * empty when no article holds any.
   */
  default Optional<EntityVariants> entity(EntityType type, String name) throws IOException {
    EntityNames names = entityNames().of(type);
    String canonical = names.canonical(name);
    List<String> held = names.variants(canonical);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    SearchParameter<List<String>> filter =
        switch (type) {
          case PERSON -> SearchParameters.PERSONS;
          case ORGANIZATION -> SearchParameters.ORGS;
          case LOCATION -> SearchParameters.PLACES;
        };
    long articles =
        search(
                SearchRequest.defaults()
                    .with(filter, List.of(canonical))
                    .with(SearchParameters.SIZE, 0)
                    .with(SearchParameters.FACETS, Set.of()))
            .total();
    List<FacetCount> variants = new ArrayList<>(held.size());
    for (String variant : held) {
      variants.add(new FacetCount(variant, names.articles(variant)));
    }
    return Optional.of(new EntityVariants(canonical, articles, variants));
  }

  /**
   * Up to {@code size} headlines and entity names whose words start with the words of {@code
   * prefix}; empty for a blank prefix, and may be empty while the backend is still preparing its
   * suggestions, which it may start doing at the first call ({@link #prepareSuggestions}).
   *
   * @throws InvalidRequestException when {@code size} is outside {@link
   *     SearchParameters#SUGGEST_SIZE}'s limits
   * @throws IOException when the archive cannot be read
   */
  List<Suggestion> suggest(String prefix, int size) throws IOException;

  /**
   * Starts preparing the suggestions of {@link #suggest} in the background, where the backend
   * prepares them and has not yet for its current version, and returns at once: for a client that
   * is about to ask for them, such as the web page as it loads. By default there is nothing to
   * prepare.
   */
  default void prepareSuggestions() {}

  /**
   * Article count, date range, article counts per source and storage size, all of one consistent
   * view of the archive, so that concurrent ingest never makes the call fail.
   *
   * @throws IOException when the archive cannot be read
   */
  IndexStats stats() throws IOException;

  /**
   * Number of articles a search can find now.
   *
   * @throws IOException when the archive cannot be read
   */
  long count() throws IOException;

  /**
   * Storage size of the archive in bytes, as {@link IndexStats#indexBytes()}; cheaper than {@link
   * #stats()}, for monitoring.
   *
   * @throws IOException when the archive cannot be read
   */
  long indexBytes() throws IOException;

  /** What this backend has done since it was opened, for monitoring; every count only grows. */
  SearchCounts counts();

  /** Number of searches running now, for monitoring. */
  int runningSearches();

  /**
   * Stops every running search at its next check, and every search started from now on, each
   * answering what it has found, flagged as timed out. For a server that is stopping.
   */
  void cancelSearches();

  /**
   * Makes everything ingested and committed so far visible to the next call, instead of after the
   * backend's own refresh interval.
   *
   * @throws IOException when the archive cannot be read
   */
  void refresh() throws IOException;

  /**
   * Stops running searches and releases what the backend holds (files, threads, connections). No
   * other method may be called afterwards.
   */
  @Override
  void close() throws IOException;
}
