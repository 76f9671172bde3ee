package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The canonical entity names of one archive version, one {@link EntityNames} table per type, and
 * what every backend does with them: a filter on a name holds any of its variants, a facet counts a
 * canonical name once for the articles holding any of its variants, and an article's entities are
 * shown by their canonical names. Immutable and thread-safe.
 */
public final class ArchiveEntityNames implements ArticleDocuments.Renaming {

  private final Map<EntityType, EntityNames> tables;

  /**
   * The names of an archive.
   *
   * @param tables one table per type, every type present
   */
  public ArchiveEntityNames(Map<EntityType, EntityNames> tables) {
    EnumMap<EntityType, EntityNames> copy = new EnumMap<>(EntityType.class);
    copy.putAll(tables);
    for (EntityType type : EntityType.values()) {
      if (!copy.containsKey(type)) {
        throw new IllegalArgumentException("no names for " + type);
      }
    }
    this.tables = copy;
  }

  /** The names of every type in the index {@code reader} reads. */
  public static ArchiveEntityNames read(IndexReader reader) throws IOException {
    Map<EntityType, Map<String, Map<String, Long>>> forms = forms(reader);
    Map<EntityType, EntityNames> tables = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      tables.put(type, EntityNames.of(type, held(reader, type), forms.get(type)));
    }
    return new ArchiveEntityNames(tables);
  }

  /** Each name of {@code type} in the index, and how many articles hold it. */
  private static Map<String, Long> held(IndexReader reader, EntityType type) throws IOException {
    Map<String, Long> names = new HashMap<>();
    forEachValue(reader, ArticleFields.entityField(type), names::put);
    return names;
  }

  private interface ValueVisitor {
    void visit(String value, long articles);
  }

  /**
   * Gives {@code visitor} every value of keyword {@code field} that some article holds, and how
   * many do: the term's document count, or, in an index with deletions, its postings counted past
   * the deleted articles, so that the counts are those of a search.
   */
  private static void forEachValue(IndexReader reader, String field, ValueVisitor visitor)
      throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    TermsEnum each = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef value = each.next(); value != null; value = each.next()) {
      long articles = each.docFreq();
      if (live != null) {
        articles = 0;
        postings = each.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live.get(doc)) {
            articles++;
          }
        }
      }
      if (articles > 0) {
        visitor.visit(value.utf8ToString(), articles);
      }
    }
  }

  /** The short forms articles resolved, per type: form to full name to articles. */
  private static Map<EntityType, Map<String, Map<String, Long>>> forms(IndexReader reader)
      throws IOException {
    Map<EntityType, Map<String, Map<String, Long>>> forms = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      forms.put(type, new HashMap<>());
    }
    forEachValue(
        reader, ArticleFields.ENTITY_FORM, (value, articles) -> addForm(forms, value, articles));
    return forms;
  }

  /**
   * Adds one {@link ArticleFields#ENTITY_FORM} value held by {@code articles} articles to {@code
   * forms}; a value that does not parse is left out.
   */
  public static void addForm(
      Map<EntityType, Map<String, Map<String, Long>>> forms, String value, long articles) {
    int first = value.indexOf('\t');
    int second = value.indexOf('\t', first + 1);
    if (first <= 0 || second <= first + 1 || second == value.length() - 1) {
      return;
    }
    EntityType type;
    try {
      type = ArticleFields.entityType(value.substring(0, first));
    } catch (IllegalArgumentException e) {
      return;
    }
    forms
        .get(type)
        .computeIfAbsent(value.substring(first + 1, second), k -> new HashMap<>())
        .merge(value.substring(second + 1), articles, Long::sum);
  }

  /** The table of one type. */
  public EntityNames of(EntityType type) {
    return tables.get(type);
  }

  /**
   * The names a filter on {@code name} of {@code type} accepts: every name held for its canonical
   * name, or the canonical name alone when no article holds any.
   */
  public List<String> filterValues(EntityType type, String name) {
    EntityNames names = tables.get(type);
    String canonical = names.canonical(name);
    List<String> variants = names.variants(canonical);
    return variants.isEmpty() ? List.of(canonical) : variants;
  }

  /**
   * Counts exactly, over the matches of a search, the articles holding any of the given names of
   * each canonical name; for a backend that counts each held name on its own.
   */
  public interface ExactCounts {
    /**
     * The articles among the matches that hold any of each canonical name's {@code variants}.
     *
     * @param variants canonical name to the held names to count together
     * @return canonical name to its articles, for every key of {@code variants}
     */
    Map<String, Long> count(EntityType type, Map<String, List<String>> variants) throws IOException;
  }

  /**
   * The {@code size} most frequent canonical names of {@code type} among the matches of a search,
   * from counts of held names over the same matches: {@code unfolded}, the most frequent of the
   * names not {@link EntityNames#folded() folded} (at least {@code size} of them, or all), and
   * {@code folded}, every folded name. A canonical name that several of the counted names stand for
   * may have articles holding two of them, so its count is not their sum: it is asked of {@code
   * exact} when it could be among the {@code size} best (its sum reaches the {@code size}-th best
   * count known to be reached), and the others cannot be. Ordered as a facet is: most articles
   * first, ties by name.
   */
  public List<FacetCount> top(
      EntityType type,
      List<FacetCount> unfolded,
      List<FacetCount> folded,
      int size,
      ExactCounts exact)
      throws IOException {
    if (size == 0) {
      return List.of();
    }
    EntityNames names = tables.get(type);
    Map<String, Long> counts = new HashMap<>();
    for (FacetCount count : unfolded) {
      counts.put(count.value(), count.count());
    }
    Map<String, List<String>> present = new HashMap<>();
    Map<String, Long> sums = new HashMap<>();
    Map<String, Long> least = new HashMap<>();
    for (FacetCount count : folded) {
      String canonical = names.canonical(count.value());
      present.computeIfAbsent(canonical, k -> new ArrayList<>()).add(count.value());
      sums.merge(canonical, count.count(), Long::sum);
      least.merge(canonical, count.count(), Math::max);
    }
    // The size-th best count that some names are known to reach.
    List<Long> reached = new ArrayList<>(counts.values());
    present.forEach((canonical, held) -> reached.add(least.get(canonical)));
    reached.sort(Comparator.reverseOrder());
    long threshold = reached.size() < size ? 0 : reached.get(size - 1);
    Map<String, List<String>> asked = new HashMap<>();
    present.forEach((canonical, held) -> {
      if (held.size() == 1) {
        counts.put(canonical, sums.get(canonical));
      } else if (sums.get(canonical) >= threshold) {
        asked.put(canonical, held);
      }
    });
    if (!asked.isEmpty()) {
      counts.putAll(exact.count(type, asked));
    }
    List<FacetCount> ranked = new ArrayList<>();
    counts.forEach((name, count) -> ranked.add(new FacetCount(name, count)));
    ranked.sort(
        Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
    return List.copyOf(ranked.subList(0, Math.min(size, ranked.size())));
  }

  /**
   * {@code article} with its entities under their canonical names, the mentions of two entities
   * that share one name added up, most mentioned first (ties in the article's order).
   */
  public Article canonical(Article article) {
    if (article.entities().isEmpty()) {
      return article;
    }
    List<Entity> renamed = new ArrayList<>(article.entities().size());
    boolean changed = false;
    for (Entity entity : article.entities()) {
      String name = canonical(entity.type(), entity.name());
      changed |= !name.equals(entity.name());
      renamed.add(new Entity(name, entity.type(), entity.mentions()));
    }
    return changed ? article.withEntities(Entity.merged(renamed)) : article;
  }

  /** The canonical name of {@code name} of {@code type} in this archive version. */
  @Override
  public String canonical(EntityType type, String name) {
    return tables.get(type).canonical(name);
  }
}
