package io.newsarchive.index;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import org.apache.lucene.codecs.BlockTermState;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.PostingsReaderBase;
import org.apache.lucene.codecs.PostingsWriterBase;
import org.apache.lucene.codecs.lucene103.blocktree.Lucene103BlockTreeTermsReader;
import org.apache.lucene.codecs.lucene103.blocktree.Lucene103BlockTreeTermsWriter;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOUtils;

/**
 * Postings of the {@link ArticleFields#VOCABULARY} fields: Lucene's terms dictionary (the block
 * tree of its default format) with each word's article count, and no postings at all, since nothing
 * matches articles by these fields. What reads them asks for words near a word and how many
 * articles hold each ({@code TermsEnum.docFreq}, {@code IndexReader.docFreq}), as Lucene's spell
 * checker does; asking for the articles themselves fails with a message that says why.
 *
 * <p>A merge cannot take the counts of the deleted articles from postings, so it reads those
 * articles' stored text again and subtracts their words ({@link VocabularyMerge}): the counts of a
 * segment are those of every article it holds, deleted or not, until a merge drops the deleted
 * ones, exactly as with Lucene's postings. Segments of other formats merge into this one alike, so
 * an index written before keeps its counts.
 *
 * <p>Found by its name ({@value #NAME}) through Java's service loader when a segment is read: an
 * index that has such fields needs this class on the class path. Thread-safe.
 */
public final class VocabularyPostingsFormat extends PostingsFormat {

  /** The name that segments record for these fields. */
  public static final String NAME = "NewsarchiveVocabulary1";

  private static final String TERMS_CODEC = "NewsarchiveVocabularyTerms";
  private static final int VERSION = 0;

  /** The format, as the service loader builds it. */
  public VocabularyPostingsFormat() {
    super(NAME);
  }

  @Override
  public FieldsConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
    FieldsConsumer terms = null;
    try {
      terms =
          new Lucene103BlockTreeTermsWriter(
              state,
              new CountsWriter(),
              Lucene103BlockTreeTermsWriter.DEFAULT_MIN_BLOCK_SIZE,
              Lucene103BlockTreeTermsWriter.DEFAULT_MAX_BLOCK_SIZE);
      return new Consumer(terms);
    } catch (Throwable t) {
      IOUtils.closeWhileSuppressingExceptions(t, terms);
      throw t;
    }
  }

  @Override
  public FieldsProducer fieldsProducer(SegmentReadState state) throws IOException {
    return new Lucene103BlockTreeTermsReader(new CountsReader(), state);
  }

  /** Writes what the block tree is given; merges from the words' counts, not from postings. */
  private static final class Consumer extends FieldsConsumer {
    private final FieldsConsumer terms;

    Consumer(FieldsConsumer terms) {
      this.terms = terms;
    }

    @Override
    public void write(Fields fields, NormsProducer norms) throws IOException {
      terms.write(fields, norms);
    }

    @Override
    public void merge(MergeState mergeState, NormsProducer norms) throws IOException {
      terms.write(VocabularyMerge.merged(mergeState), norms);
    }

    @Override
    public void close() throws IOException {
      terms.close();
    }
  }

  /**
   * Records a word's article count, which the block tree stores beside the word, and nothing else:
   * from the postings of a flush, or from {@link VocabularyMerge.Counted} in a merge.
   */
  private static final class CountsWriter extends PostingsWriterBase {
    private PostingsEnum postings;

    @Override
    public void init(IndexOutput termsOut, SegmentWriteState state) throws IOException {
      CodecUtil.writeIndexHeader(
          termsOut, TERMS_CODEC, VERSION, state.segmentInfo.getId(), state.segmentSuffix);
    }

    @Override
    public BlockTermState writeTerm(
        BytesRef term, TermsEnum termsEnum, FixedBitSet docsSeen, NormsProducer norms)
        throws IOException {
      int articles = 0;
      if (termsEnum instanceof VocabularyMerge.Counted counted) {
        articles = counted.articles();
        // The merged segment's first articles stand for those that hold the word: only the
        // field's count of articles with a word at all is derived from them.
        docsSeen.set(0, articles);
      } else {
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != PostingsEnum.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          docsSeen.set(doc);
          articles++;
        }
      }
      if (articles == 0) {
        return null;
      }
      BlockTermState state = new Count();
      state.docFreq = articles;
      state.totalTermFreq = -1;
      return state;
    }

    @Override
    public void encodeTerm(
        DataOutput out, FieldInfo fieldInfo, BlockTermState state, boolean absolute) {
      // Nothing beside the count, which the block tree writes.
    }

    @Override
    public void setField(FieldInfo fieldInfo) {
      if (fieldInfo.getIndexOptions() != IndexOptions.DOCS) {
        throw new IllegalArgumentException(
            "field "
                + fieldInfo.name
                + " keeps only its words' article counts and must be indexed with documents only,"
                + " not "
                + fieldInfo.getIndexOptions());
      }
    }

    @Override
    public void close() {}
  }

  /** A word's article count, all that is known of it; the block tree keeps where it lies. */
  private static final class Count extends BlockTermState {}

  /** Reads the words and counts; has no articles to give. */
  private static final class CountsReader extends PostingsReaderBase {

    @Override
    public void init(IndexInput termsIn, SegmentReadState state) throws IOException {
      CodecUtil.checkIndexHeader(
          termsIn, TERMS_CODEC, VERSION, VERSION, state.segmentInfo.getId(), state.segmentSuffix);
    }

    @Override
    public BlockTermState newTermState() {
      return new Count();
    }

    @Override
    public void decodeTerm(
        DataInput in, FieldInfo fieldInfo, BlockTermState state, boolean absolute) {
      // Nothing was written beside the count.
    }

    @Override
    public PostingsEnum postings(
        FieldInfo fieldInfo, BlockTermState state, PostingsEnum reuse, int flags) {
      throw new UnsupportedOperationException(noArticles(fieldInfo));
    }

    @Override
    public ImpactsEnum impacts(FieldInfo fieldInfo, BlockTermState state, int flags) {
      throw new UnsupportedOperationException(noArticles(fieldInfo));
    }

    private static String noArticles(FieldInfo fieldInfo) {
      return "field "
          + fieldInfo.name
          + " keeps its words and how many articles hold each, not which articles: search "
          + ArticleFields.VOCABULARY.getOrDefault(fieldInfo.name, "another field")
          + " instead";
    }

    @Override
    public void checkIntegrity() {}

    @Override
    public void close() {}
  }
}
