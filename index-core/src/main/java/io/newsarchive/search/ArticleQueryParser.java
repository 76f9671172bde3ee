package io.newsarchive.search;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns a {@link SearchRequest} into a Lucene {@link Query}. Thread-safe: the analyzer is built
 * once, and each call parses with a fresh (cheap) classic query parser, which is not thread-safe.
 *
 * <p>Query syntax is Lucene's classic syntax. Explicit syntax keeps its meaning ({@code AND},
 * {@code OR}, {@code NOT}, {@code +}, {@code -}; quoted phrases and parenthesized groups are
 * required); plain words, those without any of it, must match a {@link MinimumMatch} of them, more
 * matching words ranking higher. Plain words that are {@linkplain Ranking#isQueryStopWord stop
 * words} are dropped unless their group has no other plain word ("the who"); words with {@code +},
 * {@code -}, {@code AND}, {@code OR} or quotes are never dropped; the remaining plain words add
 * their {@linkplain Ranking#withProximity proximity} to the score without changing which articles
 * match. Unqualified words are searched in {@code title} and {@code body} with equal weight
 * ({@value #TITLE_BOOST} and {@value #BODY_BOOST}), their BM25 scores added: a heavier headline or
 * any weight on the tagged entity names ranked worse on judged queries (see the ranking note in the
 * README). Tagged entity names are searched only under the {@code person:}, {@code org:} and {@code
 * place:} prefixes, and filtered by the request's entity parameters.
 *
 * <p>The text is analyzed for the languages it runs against ({@link #forRequest}): a parser made
 * with the constructor analyzes it as English; one for several languages parses it once per
 * language, each parse matching only the articles of its language, and any of them may match.
 *
 * <p>Field prefixes: {@code title:}, {@code body:}, {@code person:}, {@code org:}, {@code place:}
 * (analyzed entity names), and the exact keywords {@code source:}, {@code lang:} and {@code
 * topic:}. Cost is bounded: the {@link ExpansionLimits} on patterns, no leading wildcards, at least
 * {@value #MIN_WILDCARD_PREFIX} literal characters before a wildcard (whose matching terms then
 * score as one constant-score clause), at most {@value #MAX_FUZZY_EXPANSIONS} terms per fuzzy term,
 * Lucene's clause limit, and the searcher's time budget.
 */
public final class ArticleQueryParser {

  /** Boost of headline matches. */
  public static final float TITLE_BOOST = 1.0f;

  /** Boost of body matches. */
  public static final float BODY_BOOST = 1.0f;

  /** Most index terms one fuzzy term expands to (Lucene's default, kept explicit). */
  public static final int MAX_FUZZY_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;

  /** Literal characters required before the first wildcard character. */
  public static final int MIN_WILDCARD_PREFIX = 2;

  /** Leading characters that a fuzzy term must share with its matches. */
  public static final int FUZZY_PREFIX = 1;

  private static final Map<String, String> TEXT_FIELDS =
      Map.of(
          "title", ArticleFields.TITLE,
          "body", ArticleFields.BODY,
          "person", ArticleFields.entityTextField(EntityType.PERSON),
          "org", ArticleFields.entityTextField(EntityType.ORGANIZATION),
          "place", ArticleFields.entityTextField(EntityType.LOCATION));

  private static final Map<String, String> KEYWORD_FIELDS =
      Map.of(
          "source", ArticleFields.SOURCE,
          "lang", ArticleFields.LANGUAGE,
          "topic", CodeScheme.TOPICS.field());

  private static final Map<String, Float> BOOSTS =
      Map.of(ArticleFields.TITLE, TITLE_BOOST, ArticleFields.BODY, BODY_BOOST);

  private static final String[] DEFAULT_FIELDS = BOOSTS.keySet().toArray(String[]::new);

  private final QueryAnalyzers analyzers;

  /** The languages the text is analyzed for, English first when among them. */
  private final List<String> languages;

  /** A parser that analyzes queries as English, with its query analyzer built. */
  public ArticleQueryParser() {
    this(new QueryAnalyzers(), List.of(TextLanguages.DEFAULT));
  }

  private ArticleQueryParser(QueryAnalyzers analyzers, List<String> languages) {
    this.analyzers = analyzers;
    this.languages = languages;
  }

  /**
   * This parser for a request over an archive whose articles are in {@code archiveLanguages}: with
   * a {@code lang} filter, the query text is analyzed for that language alone; without one, for
   * every language of the archive that has an analyzer of its own ({@link TextLanguages}), each
   * analysis matching only the articles of its language. The other languages, and articles of no
   * known language, are read as English. An English-only archive gets this very parser.
   */
  public ArticleQueryParser forRequest(SearchRequest request, Set<String> archiveLanguages) {
    String filter = request.get(SearchParameters.LANGUAGE);
    Set<String> wanted =
        filter.isEmpty() ? archiveLanguages : Set.of(filter.toLowerCase(Locale.ROOT));
    TreeSet<String> analyzed = new TreeSet<>();
    for (String language : wanted) {
      analyzed.add(TextLanguages.analysisLanguage(language));
    }
    if (analyzed.isEmpty() || analyzed.equals(Set.of(TextLanguages.DEFAULT))) {
      return languages.equals(List.of(TextLanguages.DEFAULT))
          ? this
          : new ArticleQueryParser(analyzers, List.of(TextLanguages.DEFAULT));
    }
    List<String> ordered = new ArrayList<>();
    if (analyzed.remove(TextLanguages.DEFAULT)) {
      ordered.add(TextLanguages.DEFAULT);
    }
    ordered.addAll(analyzed);
    return new ArticleQueryParser(analyzers, List.copyOf(ordered));
  }

  /** Whether this parser analyzes query text as English only. */
  public boolean analyzesEnglishOnly() {
    return languages.equals(List.of(TextLanguages.DEFAULT));
  }

  /** The analyzer that query text is analyzed with for the first of this parser's languages. */
  public Analyzer analyzer() {
    return analyzers.of(languages.get(0));
  }

  /**
   * The query for the text of {@code q} alone, without filters: what ranks hits and what snippets
   * highlight. Its plain words (those without an operator, a sign or quotes) must match {@code
   * match} of them; explicit syntax keeps its meaning. A blank query, {@code *} or {@code *:*}
   * matches every article.
   *
   * @throws InvalidRequestException with parameter {@code q} when the text does not parse
   */
  public TextQuery textQuery(String q, MinimumMatch match) {
    String text = q == null ? "" : q.strip();
    if (text.isEmpty() || text.equals("*") || text.equals("*:*")) {
      return new TextQuery(MatchAllDocsQuery.INSTANCE, 0, 0, TextQuery.Form.EVERYTHING, Map.of());
    }
    try {
      TextQuery first = parse(text, match, languages.get(0));
      if (languages.size() == 1) {
        return first;
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      Map<String, Query> analyses = new LinkedHashMap<>();
      for (String language : languages) {
        Query parsed = language.equals(languages.get(0)) ? first.query() : null;
        if (parsed == null) {
          parsed = parse(text, match, language).query();
        }
        Query branch = ofLanguage(parsed, language);
        any.add(branch, Occur.SHOULD);
        analyses.put(language, branch);
      }
      return new TextQuery(any.build(), first.words(), first.required(), first.form(), analyses);
    } catch (ParseException e) {
      throw new InvalidRequestException("q", "query syntax error", QuerySyntaxMessage.of(text, e));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "q", "query too complex", "it expands to more than " + e.getMaxClauseCount() + " terms");
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidRequestException(
          "q", "query too complex", ExpansionLimits.tooComplex("pattern").getMessage());
    }
  }

  private TextQuery parse(String text, MinimumMatch match, String language) throws ParseException {
    Parser parser = new Parser(analyzers.of(language), match);
    Query query = parser.parse(text);
    int words = parser.plainWords(query);
    return new TextQuery(
        query, words, match.required(words), parser.form(query), Map.of(language, query));
  }

  /**
   * {@code parsed}, the text analyzed for {@code language}, matching only the articles analyzed
   * that way: those in the language or, for English, those in none of this parser's others.
   */
  private Query ofLanguage(Query parsed, String language) {
    BooleanQuery.Builder branch = new BooleanQuery.Builder().add(parsed, Occur.MUST);
    if (language.equals(TextLanguages.DEFAULT)) {
      List<BytesRef> others =
          languages.stream().filter(other -> !other.equals(language)).map(BytesRef::new).toList();
      branch.add(KeywordField.newSetQuery(ArticleFields.LANGUAGE, others), Occur.MUST_NOT);
    } else {
      branch.add(KeywordField.newExactQuery(ArticleFields.LANGUAGE, language), Occur.FILTER);
    }
    return branch.build();
  }

  /** The query analyzer of each language, built when first needed. Thread-safe. */
  private static final class QueryAnalyzers {
    private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();

    QueryAnalyzers() {
      byLanguage.put(TextLanguages.DEFAULT, ArticleFields.queryAnalyzer());
    }

    Analyzer of(String language) {
      return byLanguage.computeIfAbsent(language, ArticleFields::queryAnalyzer);
    }
  }

  /**
   * A parsed text query.
   *
   * @param query the Lucene query
   * @param words how many plain words its top level has
   * @param required how many of them an article must contain
   * @param form whether the query is nothing but plain words
   * @param analyses the query as analyzed for each language it runs against, English first when
   *     among them: {@code query} itself when it is analyzed for one language, else each of its
   *     optional clauses, which matches only the articles of its language (for English, those in
   *     none of the others); none for {@link Form#EVERYTHING}, which reads no text
   */
  public record TextQuery(
      Query query, int words, int required, Form form, Map<String, Query> analyses) {

    /** Copies {@code analyses}, keeping its order. */
    public TextQuery {
      analyses = Collections.unmodifiableMap(new LinkedHashMap<>(analyses));
    }

    /** What a text query is made of. */
    public enum Form {
      /** A blank query, {@code *} or {@code *:*}: every article. */
      EVERYTHING,
      /**
       * Only plain words searched in title and body: no operator, sign, quotes, group, field,
       * wildcard, fuzzy or regular expression.
       */
      WORDS,
      /** Anything else. */
      SYNTAX
    }
  }

  /**
   * The full query of a request: its text, its filters as non-scoring clauses and, when asked, a
   * recency boost relative to {@code newestMillis}, the newest publication time in the index; a
   * filter on an entity name holds any variant of it that {@code names} knows.
   */
  public Query query(SearchRequest request, long newestMillis, ArchiveEntityNames names) {
    MinimumMatch match = MinimumMatch.requested(request);
    return query(
        textQuery(request.get(SearchParameters.QUERY), match).query(),
        request,
        newestMillis,
        names);
  }

  /**
   * Like {@link #query(SearchRequest, long, ArchiveEntityNames)} for an already parsed {@code text}
   * query: the text as a required clause, the request's {@link RequestFilters} as non-scoring
   * clauses and its recency boost as an optional one.
   */
  public Query query(
      Query text, SearchRequest request, long newestMillis, ArchiveEntityNames names) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(text, Occur.MUST);
    for (RequestFilters.Clause clause : RequestFilters.of(request, newestMillis, names)) {
      switch (clause) {
        case RequestFilters.DateRange range ->
            builder.add(
                LongField.newRangeQuery(range.field(), range.from(), range.to()), Occur.FILTER);
        case RequestFilters.AnyOf any ->
            builder.add(
                KeywordField.newSetQuery(
                    any.field(), any.values().stream().map(BytesRef::new).toList()),
                Occur.FILTER);
        case RequestFilters.AllOf all ->
            builder.add(KeywordField.newExactQuery(all.field(), all.value()), Occur.FILTER);
        case RequestFilters.NoneOf none ->
            builder.add(
                KeywordField.newSetQuery(
                    none.field(), none.values().stream().map(BytesRef::new).toList()),
                Occur.MUST_NOT);
        case RequestFilters.Recency recency ->
            builder.add(
                LongField.newDistanceFeatureQuery(
                    recency.field(),
                    recency.weight(),
                    recency.originMillis(),
                    recency.pivotMillis()),
                Occur.SHOULD);
      }
    }
    return builder.build();
  }

  /**
   * The classic parser with field aliases, cost limits, and plain words that need a minimum number
   * of them to match. Not thread-safe; one per parse.
   */
  private static final class Parser extends MultiFieldQueryParser {

    // QueryParserBase's conjunction and modifier codes, which it keeps package-private.
    private static final int CONJ_NONE = 0;
    private static final int MOD_NONE = 0;

    /** What an unmarked clause is: a plain word, or explicit syntax (a phrase, a group). */
    private enum Kind {
      PLAIN,
      EXPLICIT
    }

    private final MinimumMatch match;
    private final Map<Query, Kind> unmarked = new IdentityHashMap<>();
    private final Set<Query> quoted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Query, Integer> plainWords = new IdentityHashMap<>();
    private final Map<Query, String> wordText = new IdentityHashMap<>();
    private final Set<Query> stopWords = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Query> wordsOnly = Collections.newSetFromMap(new IdentityHashMap<>());

    Parser(Analyzer analyzer, MinimumMatch match) {
      super(DEFAULT_FIELDS, analyzer, BOOSTS);
      this.match = match;
      // Every clause the syntax leaves unmarked is decided here: plain words by the minimum
      // match, phrases and groups required, as they were when AND was the default operator.
      setDefaultOperator(Operator.OR);
      // One clause per word, so that the minimum match counts words.
      setSplitOnWhitespace(true);
      setAllowLeadingWildcard(false);
      // The first character of a misspelt word is rarely wrong; fixing it makes fuzzy terms cheap.
      setFuzzyPrefixLength(FUZZY_PREFIX);
      setDeterminizeWorkLimit(ExpansionLimits.MAX_STATES);
    }

    /** How many plain words the top level of {@code parsed}, a query this parser returned, has. */
    int plainWords(Query parsed) {
      if (unmarked.get(parsed) == Kind.PLAIN) {
        return 1;
      }
      return plainWords.getOrDefault(parsed, 0);
    }

    /** What {@code parsed}, a query this parser returned, is made of. */
    TextQuery.Form form(Query parsed) {
      boolean word = unmarked.get(parsed) == Kind.PLAIN && wordText.containsKey(parsed);
      return word || wordsOnly.contains(parsed) ? TextQuery.Form.WORDS : TextQuery.Form.SYNTAX;
    }

    @Override
    protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
      if (conj != CONJ_NONE && !clauses.isEmpty()) {
        // AND or OR joins the previous clause too: it is no longer unmarked.
        unmarked.remove(clauses.get(clauses.size() - 1).query());
      }
      super.addClause(clauses, conj, mods, q);
      if (q != null && conj == CONJ_NONE && mods == MOD_NONE) {
        // A parenthesized group is a query this parser built from clauses.
        boolean group = plainWords.containsKey(q) || q instanceof MatchAllDocsQuery;
        unmarked.put(q, group || quoted.contains(q) ? Kind.EXPLICIT : Kind.PLAIN);
      }
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
      List<Query> plain = new ArrayList<>();
      BooleanQuery.Builder rest = newBooleanQuery();
      int others = 0;
      for (BooleanClause clause : clauses) {
        Kind kind = clause.occur() == Occur.SHOULD ? unmarked.get(clause.query()) : null;
        if (kind == Kind.PLAIN) {
          plain.add(clause.query());
        } else {
          rest.add(clause.query(), kind == Kind.EXPLICIT ? Occur.MUST : clause.occur());
          others++;
        }
      }
      if (plain.isEmpty()) {
        if (clauses.isEmpty()) {
          return null;
        }
        Query built = rest.build();
        plainWords.put(built, 0);
        return built;
      }
      boolean onlyWords = others == 0 && plain.stream().allMatch(wordText::containsKey);
      if (!stopWords.containsAll(plain)) {
        // Stop words among other plain words only dilute them; alone ("the who") they are what
        // the person is looking for.
        plain.removeAll(stopWords);
      }
      BooleanQuery.Builder words = newBooleanQuery();
      plain.forEach(word -> words.add(word, Occur.SHOULD));
      words.setMinimumNumberShouldMatch(match.required(plain.size()));
      Query built = withProximity(words.build(), plain);
      if (match.required(plain.size()) < plain.size()
          && plain.stream().allMatch(wordText::containsKey)) {
        built = Ranking.allWordsFirst(built, plain);
      }
      if (others > 0) {
        built = rest.add(built, Occur.MUST).build();
      }
      plainWords.put(built, plain.size());
      if (onlyWords) {
        wordsOnly.add(built);
      }
      return built;
    }

    /** {@code words} with the proximity of the plain words as optional score. */
    private Query withProximity(Query words, List<Query> plain) throws ParseException {
      List<String> terms = new ArrayList<>();
      for (Query word : plain) {
        String text = wordText.get(word);
        if (text != null) {
          terms.addAll(bodyTerms(text));
        }
      }
      return Ranking.withProximity(words, terms);
    }

    private List<String> bodyTerms(String text) throws ParseException {
      List<String> terms = new ArrayList<>();
      try (TokenStream stream = getAnalyzer().tokenStream(ArticleFields.BODY, text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          terms.add(term.toString());
        }
        stream.end();
      } catch (IOException e) {
        throw new ParseException("cannot analyze '" + text + "': " + e.getMessage());
      }
      return terms;
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      Query query = fieldQuery(field, text, quoted);
      if (quoted && query != null) {
        this.quoted.add(query);
      } else if (field == null && query != null) {
        wordText.put(query, text);
        if (Ranking.isQueryStopWord(text)) {
          stopWords.add(query);
        }
      }
      return query;
    }

    private Query fieldQuery(String field, String text, boolean quoted) throws ParseException {
      if (field == null) {
        return super.getFieldQuery(null, text, quoted);
      }
      String keyword = KEYWORD_FIELDS.get(field);
      if (keyword != null) {
        return new TermQuery(new Term(keyword, text));
      }
      return super.getFieldQuery(textField(field), text, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      if (field == null) {
        return remember(super.getFieldQuery(null, text, slop));
      }
      if (KEYWORD_FIELDS.containsKey(field)) {
        return getFieldQuery(field, text, true);
      }
      return remember(super.getFieldQuery(textField(field), text, slop));
    }

    /** Marks a phrase with slop, which only quotes produce. */
    private Query remember(Query phrase) {
      if (phrase != null) {
        quoted.add(phrase);
      }
      return phrase;
    }

    // Unqualified wildcard, fuzzy and regular-expression terms search title and body only: the
    // entity text fields repeat names that the body contains, and each field multiplies the cost
    // of expanding the term.

    @Override
    protected Query getWildcardQuery(String field, String term) throws ParseException {
      checkWildcard(term);
      if (field == null) {
        return titleOrBody(f -> super.getWildcardQuery(f, term));
      }
      return super.getWildcardQuery(anyField(field), term);
    }

    @Override
    protected Query getPrefixQuery(String field, String term) throws ParseException {
      checkWildcard(term);
      if (field == null) {
        return titleOrBody(f -> super.getPrefixQuery(f, term));
      }
      return super.getPrefixQuery(anyField(field), term);
    }

    @Override
    protected Query getFuzzyQuery(String field, String term, float similarity)
        throws ParseException {
      ExpansionLimits.checkFuzzy(term);
      if (field == null) {
        return titleOrBody(f -> super.getFuzzyQuery(f, term, similarity));
      }
      return super.getFuzzyQuery(anyField(field), term, similarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String term) throws ParseException {
      ExpansionLimits.checkRegex(term);
      if (field == null) {
        return titleOrBody(f -> super.getRegexpQuery(f, term));
      }
      return super.getRegexpQuery(anyField(field), term);
    }

    /** Builds a query for one field; may fail like the parser's own builders. */
    private interface FieldQuery {
      Query build(String field) throws ParseException;
    }

    private static Query titleOrBody(FieldQuery perField) throws ParseException {
      return new BooleanQuery.Builder()
          .add(new BoostQuery(perField.build(ArticleFields.TITLE), TITLE_BOOST), Occur.SHOULD)
          .add(new BoostQuery(perField.build(ArticleFields.BODY), BODY_BOOST), Occur.SHOULD)
          .build();
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      throw new ParseException("range queries are not supported in q: use the from and to filters");
    }

    private static void checkWildcard(String term) throws ParseException {
      ExpansionLimits.checkWildcard(term);
      int literal = 0;
      while (literal < term.length()
          && term.charAt(literal) != '*'
          && term.charAt(literal) != '?') {
        literal++;
      }
      if (literal < MIN_WILDCARD_PREFIX) {
        throw new ParseException(
            "wildcard term '"
                + term
                + "' is too broad: put at least "
                + MIN_WILDCARD_PREFIX
                + " letters before * or ?");
      }
    }

    private static String anyField(String field) throws ParseException {
      if (field == null) {
        return null;
      }
      String keyword = KEYWORD_FIELDS.get(field);
      return keyword != null ? keyword : textField(field);
    }

    private static String textField(String field) throws ParseException {
      String mapped = TEXT_FIELDS.get(field);
      if (mapped != null) {
        return mapped;
      }
      if (TEXT_FIELDS.containsValue(field)) {
        return field; // MultiFieldQueryParser expands unqualified terms to the internal names.
      }
      throw new ParseException(
          "unknown field '"
              + field
              + ":': use title, body, person, org, place, source, lang or topic");
    }
  }
}
