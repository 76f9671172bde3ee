package io.newsarchive.search;

import io.newsarchive.article.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What is unusual in the results of a search: the words, two-word phrases and the people,
 * organizations and places over-represented among its best matches against the whole archive, most
 * unusual first.
 *
 * @param terms unusual words of the sample's body text
 * @param phrases unusual two-word phrases of the sample's body text
 * @param entities unusual canonical names per entity type; every type has a list, maybe empty
 * @param sample how many of the best matches were read
 * @param total how many articles match
 */
public record SignificantTerms(
    List<SignificantTerm> terms,
    List<SignificantTerm> phrases,
    Map<EntityType, List<SignificantTerm>> entities,
    int sample,
    long total) {

  /** Copies the lists and gives every entity type one. */
  public SignificantTerms {
    terms = List.copyOf(terms);
    phrases = List.copyOf(phrases);
    Map<EntityType, List<SignificantTerm>> all = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      all.put(type, List.copyOf(entities.getOrDefault(type, List.of())));
    }
    entities = Map.copyOf(all);
  }

  /** The unusual names of one entity type. */
  public List<SignificantTerm> of(EntityType type) {
    return entities.get(type);
  }
}
