package io.newsarchive.index;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.MultiFields;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderSlice;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The words of the {@link ArticleFields#VOCABULARY} fields of the segments a merge joins, each with
 * the number of articles of the merged segment that hold it: the sum of the segments' counts, less
 * the deleted articles that held it, whose words are read again from their stored text with {@link
 * ArticleFields#exactAnalyzer}. A word no merged article holds is left out. A helper of {@link
 * VocabularyPostingsFormat}; each merge builds its own.
 */
final class VocabularyMerge {

  /** A word of a merge, with its count in the merged segment. */
  interface Counted {

    /** How many articles of the merged segment hold the current word. */
    int articles();
  }

  private VocabularyMerge() {}

  /** The merged words of the fields that {@code state} merges, for the block tree to write. */
  static Fields merged(MergeState state) throws IOException {
    List<Fields> fields = new ArrayList<>();
    List<ReaderSlice> slices = new ArrayList<>();
    int docBase = 0;
    for (int segment = 0; segment < state.fieldsProducers.length; segment++) {
      FieldsProducer producer = state.fieldsProducers[segment];
      if (producer != null) {
        producer.checkIntegrity();
        slices.add(new ReaderSlice(docBase, state.maxDocs[segment], segment));
        fields.add(producer);
      }
      docBase += state.maxDocs[segment];
    }
    MultiFields all =
        new MultiFields(fields.toArray(Fields[]::new), slices.toArray(ReaderSlice[]::new));
    Map<String, Map<BytesRef, Integer>> deleted = deletedWords(state);
    return new Fields() {
      @Override
      public Iterator<String> iterator() {
        return all.iterator();
      }

      @Override
      public Terms terms(String field) throws IOException {
        Terms terms = all.terms(field);
        if (terms == null) {
          return null;
        }
        Map<BytesRef, Integer> gone = deleted.getOrDefault(field, Map.of());
        return new FilterLeafReader.FilterTerms(terms) {
          @Override
          public TermsEnum iterator() throws IOException {
            return new CountedWords(in.iterator(), gone);
          }
        };
      }

      @Override
      public int size() {
        return all.size();
      }
    };
  }

  /**
   * For each vocabulary field, how many deleted articles of the merged segments hold each word that
   * their segment counted.
   */
  private static Map<String, Map<BytesRef, Integer>> deletedWords(MergeState state)
      throws IOException {
    Map<String, Map<BytesRef, Integer>> deleted = new HashMap<>();
    try (Analyzer analyzer = ArticleFields.exactAnalyzer()) {
      for (int segment = 0; segment < state.fieldsProducers.length; segment++) {
        Bits live = state.liveDocs[segment];
        FieldsProducer producer = state.fieldsProducers[segment];
        if (live == null || producer == null) {
          continue;
        }
        Map<String, TermsEnum> counted = new HashMap<>();
        for (String field : ArticleFields.VOCABULARY.keySet()) {
          Terms terms = producer.terms(field);
          if (terms != null) {
            counted.put(field, terms.iterator());
          }
        }
        if (counted.isEmpty()) {
          continue; // nothing of this segment to subtract from: its deleted articles are not read
        }
        // A clone: the stored fields of the same segments may be merged at the same time.
        StoredFieldsReader stored = state.storedFieldsReaders[segment].clone();
        for (int doc = 0; doc < state.maxDocs[segment]; doc++) {
          if (live.get(doc) == false) {
            SourceText text = new SourceText();
            stored.document(doc, text);
            for (Map.Entry<String, TermsEnum> field : counted.entrySet()) {
              String source = text.values.get(ArticleFields.VOCABULARY.get(field.getKey()));
              if (source != null) {
                subtract(analyzer, field.getKey(), source, field.getValue(), deleted);
              }
            }
          }
        }
      }
    }
    return deleted;
  }

  /** Adds one deleted article's distinct words of {@code field} that {@code counted} holds. */
  private static void subtract(
      Analyzer analyzer,
      String field,
      String source,
      TermsEnum counted,
      Map<String, Map<BytesRef, Integer>> deleted)
      throws IOException {
    Set<BytesRef> words = new HashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(field, source)) {
      TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(BytesRef.deepCopyOf(term.getBytesRef()));
      }
      tokens.end();
    }
    Map<BytesRef, Integer> counts = deleted.computeIfAbsent(field, name -> new HashMap<>());
    for (BytesRef word : words) {
      // Only a word its segment counted: nothing is taken from a word it never held.
      if (counted.seekExact(word)) {
        counts.merge(word, 1, Integer::sum);
      }
    }
  }

  /** The stored text that the vocabulary fields are analyzed from, of one article. */
  private static final class SourceText extends StoredFieldVisitor {
    final Map<String, String> values = new HashMap<>();

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      return ArticleFields.VOCABULARY.containsValue(fieldInfo.name) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) {
      values.putIfAbsent(fieldInfo.name, value);
    }
  }

  /**
   * The merged words, each with its count less its deleted articles; words left with none skipped.
   */
  private static final class CountedWords extends FilterLeafReader.FilterTermsEnum
      implements Counted {
    private final Map<BytesRef, Integer> deleted;
    private int articles;

    CountedWords(TermsEnum merged, Map<BytesRef, Integer> deleted) {
      super(merged);
      this.deleted = deleted;
    }

    @Override
    public BytesRef next() throws IOException {
      for (BytesRef word = in.next(); word != null; word = in.next()) {
        articles = in.docFreq() - deleted.getOrDefault(word, 0);
        if (articles > 0) {
          return word;
        }
      }
      return null;
    }

    @Override
    public int docFreq() {
      return articles;
    }

    @Override
    public int articles() {
      return articles;
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) {
      throw new UnsupportedOperationException("a merged vocabulary has counts, not articles");
    }
  }
}
