package io.newsarchive.search;

import io.newsarchive.article.EntityType;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The parameters of a search, each declared once with its name, type, default, limits and meaning,
 * and those of the requests that share them (entities, related articles, suggestions). {@link
 * SearchRequest} holds one value per search parameter; the HTTP binding, the API document and the
 * web page's tests read these declarations. Adding a search parameter is one constant here, one
 * entry in {@link #ALL}, and the code that uses its value.
 */
public final class SearchParameters {

  /** Largest page size. */
  public static final int MAX_SIZE = 100;

  /** Deepest hit reachable by page number; deeper paging uses the cursor, which has no limit. */
  public static final int MAX_WINDOW = 10_000;

  /** Most best matches a request for unusual terms reads. */
  public static final int MAX_SAMPLE = 1_000;

  /** Largest number of values per facet. */
  public static final int MAX_FACET_SIZE = 1_000;

  /** Lucene classic query text; blank matches every article. */
  public static final SearchParameter<String> QUERY =
      SearchParameter.text(
          "q",
          "Lucene classic query syntax: AND/OR/NOT, \"phrases\", \"proximity\"~N, wildcards (at"
              + " least 2 letters before * or ?), fuzzy~, fields title:, body:, person:, org:,"
              + " place: (analyzed names), source:, lang:, topic: (exact). Plain words: see op and mm;"
              + " empty matches every article. Unqualified words search title and body"
              + " with equal weight (entity names only with person:, org:, place:); unqualified wildcard, fuzzy and"
              + " regular-expression words search title and body only.");

  /** How many plain words must match when no minimum match is given. */
  public static final SearchParameter<WordMatch> OPERATOR =
      SearchParameter.choice(
          "op",
          "How many of the plain words of q (words without AND, OR, NOT, +, - or quotes) an"
              + " article must contain: or = any word (the default; articles with more of the"
              + " words, and with the words close together, rank higher, and of two words those"
              + " with both come first), and = every word, auto"
              + " = every word of a two-word query when some article has both, else any word"
              + " (the response's match says which). Ignored when mm is given.",
          WordMatch.class,
          WordMatch.OR,
          WordMatch::key);

  /** Minimum should match of the plain words; {@code null} when {@link #OPERATOR} decides. */
  public static final SearchParameter<MinimumMatch> MINIMUM_MATCH =
      SearchParameter.parsed(
          "mm",
          "How many of the plain words of q an article must contain, in Solr/Elasticsearch"
              + " minimum-should-match syntax: 3, -1 (all but one), 75%, -25%, 2<75% (all of up"
              + " to 2 words, else 75%), 2<-1 5<80%. Overrides op.",
          MinimumMatch::parse,
          "2<75%");

  /** Earliest publication instant, inclusive; {@code null} for no lower bound. */
  public static final SearchParameter<Instant> FROM =
      SearchParameter.instant(
          "from",
          "Earliest publication time, inclusive. ISO date (2020-01-31, whole day, UTC) or"
              + " date-time (2020-01-31T12:00:00Z; UTC when no offset).",
          DateBound.START);

  /** Latest publication instant, inclusive; {@code null} for no upper bound. */
  public static final SearchParameter<Instant> TO =
      SearchParameter.instant(
          "to",
          "Latest publication time, inclusive. ISO date (2020-01-31, whole day, UTC) or"
              + " date-time (2020-01-31T12:00:00Z; UTC when no offset).",
          DateBound.END);

  /** Articles from any of these sources; empty for all. */
  public static final SearchParameter<List<String>> SOURCES =
      SearchParameter.names("source", "Restrict to these sources (repeatable; any of them).");

  /** Articles tagged with every one of these people (canonical names). */
  public static final SearchParameter<List<String>> PERSONS =
      SearchParameter.names(
          "person",
          "Require this tagged person, by any of its names (repeatable; all must match).");

  /** Articles tagged with every one of these organizations. */
  public static final SearchParameter<List<String>> ORGS =
      SearchParameter.names(
          "org",
          "Require this tagged organization, by any of its names (repeatable; all must match).");

  /** Articles tagged with every one of these places. */
  public static final SearchParameter<List<String>> PLACES =
      SearchParameter.names(
          "place", "Require this tagged place, by any of its names (repeatable; all must match).");

  /** Articles with any of these editor-assigned topic codes (Reuters TOPICS); empty for all. */
  public static final SearchParameter<List<String>> TOPICS =
      SearchParameter.names(
          "topic",
          "Restrict to articles with this editor-assigned topic code, e.g. cocoa (repeatable; any"
              + " of them).");

  /** Articles with every one of these editor-assigned place codes (Reuters PLACES). */
  public static final SearchParameter<List<String>> PLACE_CODES =
      SearchParameter.names(
          "placeCode",
          "Require this editor-assigned place code, e.g. usa (repeatable; all must match). Unlike"
              + " place, which holds names the tagger found in the text, these are the codes a"
              + " collection carries, such as Reuters' PLACES.");

  /** Articles with every one of these editor-assigned people codes (Reuters PEOPLE). */
  public static final SearchParameter<List<String>> PERSON_CODES =
      SearchParameter.names(
          "personCode",
          "Require this editor-assigned people code, e.g. reagan (repeatable; all must match).");

  /** Articles with every one of these editor-assigned organization codes (Reuters ORGS). */
  public static final SearchParameter<List<String>> ORG_CODES =
      SearchParameter.names(
          "orgCode",
          "Require this editor-assigned organization code, e.g. opec (repeatable; all must match).");

  /** Articles with every one of these editor-assigned exchange codes (Reuters EXCHANGES). */
  public static final SearchParameter<List<String>> EXCHANGES =
      SearchParameter.names(
          "exchange",
          "Require this editor-assigned exchange code, e.g. nyse (repeatable; all must match).");

  /** Primary language subtag, or empty for every language. */
  public static final SearchParameter<String> LANGUAGE =
      SearchParameter.text(
          "lang",
          "Restrict to one language, an ISO 639-1 code such as en or fa; the query text is then"
              + " analyzed for that language alone, else for every language of the archive.");

  /** Order of hits. */
  public static final SearchParameter<SortOrder> SORT =
      SearchParameter.choice(
          "sort",
          "Order of hits; ties are broken by article id.",
          SortOrder.class,
          SortOrder.RELEVANCE,
          SortOrder::key);

  /** 1-based page number; {@code page * size} may not exceed {@link #MAX_WINDOW}. */
  public static final SearchParameter<Integer> PAGE =
      SearchParameter.integer(
          "page",
          "1-based page number; page * size may not exceed " + MAX_WINDOW + " (use cursor beyond).",
          1,
          IntRange.atLeast(1));

  /** Hits per page, 0 to {@link #MAX_SIZE} (0 counts only). */
  public static final SearchParameter<Integer> SIZE =
      SearchParameter.integer(
          "size", "Hits per page; 0 returns counts only.", 10, new IntRange(0, MAX_SIZE));

  /** Opaque token from a previous result's next cursor, or empty; replaces the page number. */
  public static final SearchParameter<String> CURSOR =
      SearchParameter.text(
          "cursor",
          "Opaque nextCursor of a previous response with the same query and sort; replaces page"
              + " and has no depth limit.");

  /** Which fields to count over the matching set. */
  public static final SearchParameter<Set<FacetField>> FACETS =
      SearchParameter.subset(
          "facets",
          "Comma-separated fields to count over the whole matching set; absent means source,"
              + " person, org, place and language (the editors' codes only when named), empty means"
              + " none.",
          FacetField.DEFAULTS,
          FacetField::key);

  /** How many top values to return per facet. */
  public static final SearchParameter<Integer> FACET_SIZE =
      SearchParameter.integer(
          "facetSize", "Values per facet.", 10, new IntRange(1, MAX_FACET_SIZE));

  /** Timeline bucket width. */
  public static final SearchParameter<Interval> INTERVAL =
      SearchParameter.choice(
          "interval",
          "Timeline bucket width; auto picks day (span up to 92 days), week (2 years), month (20"
              + " years) or year.",
          Interval.class,
          Interval.AUTO,
          Interval::key);

  /**
   * 0 for pure relevance; otherwise the age in days, counted back from the newest article in the
   * index, at which the recency boost has fallen to half its weight.
   */
  public static final SearchParameter<Integer> RECENCY =
      SearchParameter.integer(
          "recency",
          "0 for pure relevance; otherwise a half-life in days: newer articles gain up to 5"
              + " points of score, half of that at this age counted back from the newest article"
              + " in the index.",
          0,
          IntRange.atLeast(0));

  /**
   * When to add pseudo-relevance feedback words (RM3) from the top articles of the query as typed;
   * they reorder the articles that the query matches and add none.
   */
  public static final SearchParameter<QueryExpansion> EXPAND =
      SearchParameter.choice(
          "expand",
          "Pseudo-relevance feedback (RM3): the "
              + FeedbackExpansion.FEEDBACK_DOCS
              + " best articles of the query as typed give their "
              + FeedbackExpansion.FEEDBACK_TERMS
              + " most telling title and body words, which add to the score of the articles the"
              + " query matches (weight "
              + FeedbackExpansion.ORIGINAL_WEIGHT
              + " to the query, the rest to the words) but match no article of their own, so"
              + " total, facets and timeline are those of the query. auto (the default) expands"
              + " queries of at most "
              + QueryExpansion.AUTO_MAX_WORDS
              + " plain words (no operators, quotes, fields, wildcards or fuzzy words) ranked by"
              + " relevance; true expands every query, false none. The response lists the words"
              + " in expandedWith.",
          QueryExpansion.class,
          QueryExpansion.AUTO,
          QueryExpansion::key);

  /** When to reorder the best articles of a query by their meaning beside their words. */
  public static final SearchParameter<SemanticRanking> SEMANTIC =
      SearchParameter.choice(
          "semantic",
          "Ranking by meaning: the "
              + FeedbackExpansion.RESCORED
              + " best articles of a query ranked by relevance are reordered by their score and"
              + " by how close in meaning (a sentence embedding, all-MiniLM-L6-v2) their closest"
              + " passage is to the query, weight "
              + SemanticRescore.MEANING_WEIGHT
              + " each, scores scaled over those articles; the rest keep their order, and total,"
              + " facets and timeline are those of the query. An index built with newsarchive"
              + " index --semantic holds every passage's vector; on another, each article's"
              + " passage that the query's words fit best is encoded while the query is"
              + " searched (a fraction of a second for a new question). auto (the default)"
              + " reorders queries of plain words (no operators, quotes, fields, wildcards or"
              + " fuzzy words) analyzed as English, the model's language: all of them on an"
              + " index with passage vectors, those of more than "
              + QueryExpansion.AUTO_MAX_WORDS
              + " words (stop words aside) on another, where shorter ones get feedback words;"
              + " true reorders every query ranked by relevance; false reorders none. Over"
              + " OpenSearch it is ignored.",
          SemanticRanking.class,
          SemanticRanking.AUTO,
          SemanticRanking::key);

  /** How snippets are written: HTML with marks, or plain text with match offsets. */
  public static final SearchParameter<SnippetForm> SNIPPETS =
      SearchParameter.choice(
          "snippets",
          "Form of titleSnippet and bodySnippet: html (the default) is a string, HTML-escaped,"
              + " with every match wrapped in <mark>; text is an object {\"text\": the plain text"
              + " unescaped, \"matches\": [[start, end], ...]}, offsets in UTF-16 code units as"
              + " JavaScript counts them, end exclusive.",
          SnippetForm.class,
          SnippetForm.HTML,
          SnippetForm::key);

  /** File format of an export. */
  public static final SearchParameter<ExportFormat> FORMAT =
      SearchParameter.choice(
          "format",
          "File format: csv (RFC 4180, a header row, UTF-8 without BOM, several values in one"
              + " cell joined by '; ') or jsonl (JSON Lines, one object per article, several values"
              + " as arrays).",
          ExportFormat.class,
          ExportFormat.CSV,
          ExportFormat::key);

  /** Whether an export includes each article's body text. */
  public static final SearchParameter<Boolean> BODY =
      SearchParameter.flag("body", "Include each article's body text (a column or field body).");

  /** Whether the copies of one story count as one hit. */
  public static final SearchParameter<Collapse> COLLAPSE =
      SearchParameter.choice(
          "collapse",
          "story shows one hit per story (the wire copies and updates of one text): its"
              + " best-ranked matching copy, with copies (how many matching articles the story"
              + " has) and up to "
              + StoryCollapse.SOURCES
              + " of their sources; total, facets and timeline still count articles, and stories"
              + " counts the distinct stories of the whole matching set. Paged by page or by"
              + " nextCursor, up to "
              + MAX_WINDOW
              + " stories deep. none (the default) shows every article.",
          Collapse.class,
          Collapse.NONE,
          Collapse::key);

  /**
   * Per facet that a filter narrows, the parameter that leaves its values out: {@code notSource},
   * {@code notPerson}, {@code notOrg}, {@code notPlace}, {@code notTopic}, {@code notPlaceCode},
   * {@code notPersonCode}, {@code notOrgCode} and {@code notExchange}, named after the facet's key.
   */
  public static final Map<FacetField, SearchParameter<List<String>>> EXCLUSIONS = exclusions();

  /** The filters of a search: what selects the matching set, without order, paging or counts. */
  /** The filters of a search: what selects the matching set, without order, paging or counts. */
  public static final List<SearchParameter<?>> FILTERS =
      List.of(
          QUERY,
          OPERATOR,
          MINIMUM_MATCH,
          FROM,
          TO,
          SOURCES,
          PERSONS,
          ORGS,
          PLACES,
          TOPICS,
          PLACE_CODES,
          PERSON_CODES,
          ORG_CODES,
          EXCHANGES,
          LANGUAGE,
          EXCLUSIONS.get(FacetField.SOURCE),
          EXCLUSIONS.get(FacetField.PERSON),
          EXCLUSIONS.get(FacetField.ORG),
          EXCLUSIONS.get(FacetField.PLACE),
          EXCLUSIONS.get(FacetField.TOPIC),
          EXCLUSIONS.get(FacetField.PLACE_CODE),
          EXCLUSIONS.get(FacetField.PERSON_CODE),
          EXCLUSIONS.get(FacetField.ORG_CODE),
          EXCLUSIONS.get(FacetField.EXCHANGE));

  /** Every search parameter, in the order of the API document: the filters, then the rest. */
  public static final List<SearchParameter<?>> ALL =
      Stream.concat(
              FILTERS.stream(),
              Stream.of(
                  SORT,
                  PAGE,
                  SIZE,
                  CURSOR,
                  FACETS,
                  FACET_SIZE,
                  INTERVAL,
                  RECENCY,
                  EXPAND,
                  SEMANTIC,
                  SNIPPETS,
                  COLLAPSE))
          .toList();

  /**
   * The paging parameters of a search, and {@link #COLLAPSE}, which shapes its pages: routes that
   * visit every matching article (export, feed) do not take them.
   */
  public static final List<SearchParameter<?>> PAGING = List.of(PAGE, SIZE, CURSOR, COLLAPSE);

  /** Every search parameter but {@code excluded}, in the order of {@link #ALL}. */
  public static List<SearchParameter<?>> allBut(List<SearchParameter<?>> excluded) {
    return ALL.stream().filter(parameter -> !excluded.contains(parameter)).toList();
  }

  /** Entity type counted by an entity request; required. */
  public static final SearchParameter<EntityType> ENTITY_TYPE =
      SearchParameter.choice("type", "Entity type.", EntityType.class, null, EntityType::key);

  /** Number of entities an entity request returns. */
  public static final SearchParameter<Integer> ENTITY_SIZE =
      SearchParameter.integer("size", "Number of entities.", 20, new IntRange(1, MAX_FACET_SIZE));

  /** Number of related articles. */
  public static final SearchParameter<Integer> RELATED_SIZE =
      SearchParameter.integer("size", "Number of related articles.", 5, new IntRange(1, MAX_SIZE));

  /** Text typed so far, completed by suggestions. */
  public static final SearchParameter<String> PREFIX =
      SearchParameter.text("prefix", "Text typed so far.");

  /** Number of suggestions. */
  public static final SearchParameter<Integer> SUGGEST_SIZE =
      SearchParameter.integer("size", "Number of suggestions.", 8, new IntRange(1, MAX_SIZE));

  /** Number of unusual words, and of unusual names per entity type. */
  public static final SearchParameter<Integer> SIGNIFICANT_SIZE =
      SearchParameter.integer(
          "size",
          "Number of unusual words, and of unusual people, organizations and places.",
          20,
          new IntRange(1, MAX_SIZE));

  /** How many of the best matches a request for unusual terms reads. */
  public static final SearchParameter<Integer> SAMPLE =
      SearchParameter.integer(
          "sample",
          "How many of the best matches by relevance are read and compared with the whole"
              + " archive; more finds rarer terms and costs more.",
          200,
          new IntRange(1, MAX_SAMPLE));

  /**
   * Checks that each of {@code names} is the name of one of {@code declared}, so that a misspelt
   * parameter is never silently ignored.
   *
   * @throws InvalidRequestException naming the first unknown name and listing the declared ones
   */
  public static void checkNames(List<SearchParameter<?>> declared, Collection<String> names) {
    TreeSet<String> known = new TreeSet<>();
    declared.forEach(parameter -> known.add(parameter.name()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new InvalidRequestException(
            name,
            "unknown parameter '" + name + "'",
            known.isEmpty()
                ? "this route takes no parameters"
                : "this route takes " + String.join(", ", known));
      }
    }
  }

  /**
   * The values of the parameters named in {@code texts}, each parsed by its declaration among
   * {@code declared}, for {@link SearchRequest#of}; parameters not named are left out.
   *
   * @throws InvalidRequestException when a name is not declared or a value does not parse
   */
  public static Map<SearchParameter<?>, Object> parse(
      List<SearchParameter<?>> declared, Map<String, List<String>> texts) {
    checkNames(declared, texts.keySet());
    Map<SearchParameter<?>, Object> values = new HashMap<>();
    for (SearchParameter<?> parameter : declared) {
      List<String> given = texts.get(parameter.name());
      if (given != null) {
        values.put(parameter, parameter.parse(given));
      }
    }
    return values;
  }

  /** The name of the parameter that excludes values of {@code facet}: "not" and its key. */
  public static String exclusionName(FacetField facet) {
    return "not" + Character.toUpperCase(facet.key().charAt(0)) + facet.key().substring(1);
  }

  private static Map<FacetField, SearchParameter<List<String>>> exclusions() {
    Map<FacetField, SearchParameter<List<String>>> exclusions = new EnumMap<>(FacetField.class);
    for (FacetField facet : FacetField.values()) {
      if (facet != FacetField.LANGUAGE) {
        String what = facet.entityType().isPresent() ? ", by any of its names" : "";
        exclusions.put(
            facet,
            SearchParameter.names(
                exclusionName(facet),
                "Leave out articles with this "
                    + facet.key()
                    + what
                    + " (repeatable; articles with any of them are left out)."));
      }
    }
    return Collections.unmodifiableMap(exclusions);
  }

  private SearchParameters() {}
}
