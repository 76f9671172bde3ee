package io.newsarchive.index;

import io.newsarchive.schema.ArticleFields;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;

/**
 * How the indexer writes segments: Lucene's default codec, under its name, with stored fields
 * compressed harder ({@link CompactStoredFields}) and the {@link ArticleFields#VOCABULARY} fields
 * in {@link VocabularyPostingsFormat}. A segment records the postings format of each field, so it
 * is read by Lucene's codec with that format found by name; segments written before, with Lucene's
 * postings for every field, are read and merged alike.
 */
final class ArticleCodec {

  private ArticleCodec() {}

  /** The codec described above. */
  static Codec codec() {
    Codec standard = Codec.getDefault();
    StoredFieldsFormat stored = CompactStoredFields.format();
    PostingsFormat postings = postings(standard.postingsFormat());
    return new FilterCodec(standard.getName(), standard) {
      @Override
      public StoredFieldsFormat storedFieldsFormat() {
        return stored;
      }

      @Override
      public PostingsFormat postingsFormat() {
        return postings;
      }
    };
  }

  private static PostingsFormat postings(PostingsFormat standard) {
    PostingsFormat vocabulary = new VocabularyPostingsFormat();
    return new PerFieldPostingsFormat() {
      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        if (ArticleFields.VOCABULARY.containsKey(field)) {
          return vocabulary;
        }
        return standard instanceof PerFieldPostingsFormat perField
            ? perField.getPostingsFormatForField(field)
            : standard;
      }
    };
  }
}
