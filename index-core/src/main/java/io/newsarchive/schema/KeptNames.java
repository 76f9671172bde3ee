package io.newsarchive.schema;

import io.newsarchive.article.EntityType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The entity names of one segment by their number (ordinal) in its sorted-set doc values, each read
 * from the terms dictionary once and then kept for the pages after it: the names of a page's hits
 * become array reads, where each lookup decompressed a block of the dictionary and made a new
 * string. Whoever keeps them keeps one per segment while the segment lives (a server's searcher
 * factory, by the segment's core, dropping it when the segment closes). A name is kept only once
 * some article that holds it was read, so the memory is at most a reference per name of the segment
 * and the names read as strings. Thread-safe: the arrays are written without locks, but a string is
 * immutable and published whole, so a thread sees either a name or none, and a name two threads
 * look up at once is read twice and one of the equal strings kept.
 */
public final class KeptNames {

  private final String[][] byType = new String[EntityType.values().length][];

  /**
   * The canonical names of this segment's names in the archive version that last asked for them:
   * versions follow one another, so one is kept; while an older version's searches finish beside a
   * newer one's, each may find the other's here and start its own again.
   */
  private volatile Renamed renamed;

  /** The canonical names of {@code renaming}'s version, per type by ordinal, filled as read. */
  private record Renamed(ArticleDocuments.Renaming renaming, String[][] byType) {}

  /** No names kept yet, for a segment whose names will be read through it. */
  public KeptNames() {}

  /**
   * A new, empty {@link KeptNames} for each segment of {@code reader}, in the order of its leaves.
   */
  public static List<KeptNames> forLeaves(IndexReader reader) {
    List<KeptNames> kept = new ArrayList<>(reader.leaves().size());
    for (int i = 0; i < reader.leaves().size(); i++) {
      kept.add(new KeptNames());
    }
    return List.copyOf(kept);
  }

  /**
   * The name numbered {@code ord} of {@code type}, whose doc values of this segment are {@code
   * values}.
   */
  String name(EntityType type, SortedSetDocValues values, long ord) throws IOException {
    String[] names = byType[type.ordinal()];
    if (names == null) {
      names = new String[Math.toIntExact(values.getValueCount())];
      byType[type.ordinal()] = names;
    }
    String name = names[(int) ord];
    if (name == null) {
      name = values.lookupOrd(ord).utf8ToString();
      names[(int) ord] = name;
    }
    return name;
  }

  /**
   * The canonical name in {@code renaming}'s archive version of the name numbered {@code ord} of
   * {@code type}, whose doc values of this segment are {@code values}.
   */
  String renamed(
      EntityType type, SortedSetDocValues values, long ord, ArticleDocuments.Renaming renaming)
      throws IOException {
    Renamed current = renamed;
    if (current == null || current.renaming() != renaming) {
      current = new Renamed(renaming, new String[EntityType.values().length][]);
      renamed = current;
    }
    String[] names = current.byType()[type.ordinal()];
    if (names == null) {
      names = new String[Math.toIntExact(values.getValueCount())];
      current.byType()[type.ordinal()] = names;
    }
    String name = names[(int) ord];
    if (name == null) {
      name = renaming.canonical(type, name(type, values, ord));
      names[(int) ord] = name;
    }
    return name;
  }
}
