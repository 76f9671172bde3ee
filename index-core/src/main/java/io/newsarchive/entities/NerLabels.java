package io.newsarchive.entities;

/**
 * The BILOU label scheme of the tagger: {@code O} plus Begin, Inside, Last and Unit labels for each
 * of the four CoNLL types. BILOU lets the model learn where names end, which plain BIO cannot.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class NerLabels {

  /** CoNLL entity types, in label order. */
  public static final String[] TYPES = {"PER", "ORG", "LOC", "MISC"};

  static final int OUTSIDE = 0;

  /** The number of labels; labels are {@code 0} ({@code O}) to {@code COUNT - 1}. */
  public static final int COUNT = 1 + 4 * TYPES.length;

  private static final int BEGIN = 0;
  private static final int INSIDE = 1;
  private static final int LAST = 2;
  private static final int UNIT = 3;

  private NerLabels() {}

  static int label(int type, int part) {
    return 1 + 4 * type + part;
  }

  static int begin(int type) {
    return label(type, BEGIN);
  }

  static int inside(int type) {
    return label(type, INSIDE);
  }

  static int last(int type) {
    return label(type, LAST);
  }

  static int unit(int type) {
    return label(type, UNIT);
  }

  /** The entity type of a label, or -1 for {@code O}. */
  public static int type(int label) {
    return label == OUTSIDE ? -1 : (label - 1) / 4;
  }

  static boolean opens(int label) {
    int part = (label - 1) % 4;
    return label != OUTSIDE && (part == BEGIN || part == UNIT);
  }

  static boolean closes(int label) {
    int part = (label - 1) % 4;
    return label != OUTSIDE && (part == LAST || part == UNIT);
  }

  /** Whether {@code next} may follow {@code previous}; -1 stands for the sentence start. */
  public static boolean allowed(int previous, int next) {
    boolean open = previous >= 0 && previous != OUTSIDE && !closes(previous);
    if (open) {
      int part = (next - 1) % 4;
      return next != OUTSIDE && type(next) == type(previous) && (part == INSIDE || part == LAST);
    }
    return next == OUTSIDE || opens(next);
  }

  /** Whether a sentence may end after {@code label}. */
  static boolean mayEnd(int label) {
    return label == OUTSIDE || closes(label);
  }

  /** The index in {@link #TYPES} of a CoNLL type name such as {@code PER}, or -1. */
  public static int typeIndex(String type) {
    for (int i = 0; i < TYPES.length; i++) {
      if (TYPES[i].equals(type)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown entity type '" + type + "'");
  }

  /** BILOU labels for a sentence whose entities are given as spans. */
  public static int[] encode(int length, java.util.List<Span> spans) {
    int[] labels = new int[length];
    for (Span span : spans) {
      if (span.end() - span.start() == 1) {
        labels[span.start()] = unit(span.type());
      } else {
        labels[span.start()] = begin(span.type());
        for (int i = span.start() + 1; i < span.end() - 1; i++) {
          labels[i] = inside(span.type());
        }
        labels[span.end() - 1] = last(span.type());
      }
    }
    return labels;
  }

  /** The entity spans of a well-formed BILOU label sequence. */
  public static java.util.List<Span> decode(int[] labels) {
    java.util.List<Span> spans = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      if (opens(label)) {
        start = i;
      }
      if (closes(label) && start >= 0) {
        spans.add(new Span(start, i + 1, type(label)));
        start = -1;
      }
    }
    return spans;
  }

  /**
   * A typed run of tokens {@code [start, end)}.
   *
   * @param start first token
   * @param end one past the last token
   * @param type index into {@link #TYPES}
   */
  public record Span(int start, int end, int type) {}
}
