package io.newsarchive.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactStoredFieldsTest {

  @TempDir Path temp;

  @Test
  void mergedStoredFieldsAreSmallerAndReadByLuceneAsLuceneWritesThem() throws IOException {
    Path compact = temp.resolve("compact");
    Path standard = temp.resolve("standard");
    try (DirectoryReader source =
        DirectoryReader.open(FSDirectory.open(ReutersIndex.get().directory()))) {
      // Adding a reader's segments merges them: the indexer's codec compresses them as it merges.
      copy(source, compact, ArticleIndexer.writerConfig());
      // Lucene's stored fields; the vocabulary fields, which only their format can copy, alike.
      Codec indexer = ArticleIndexer.writerConfig().getCodec();
      Codec lucene =
          new FilterCodec(Codec.getDefault().getName(), Codec.getDefault()) {
            @Override
            public PostingsFormat postingsFormat() {
              return indexer.postingsFormat();
            }
          };
      copy(source, standard, new IndexWriterConfig().setCodec(lucene));
    }
    try (Directory compactDir = FSDirectory.open(compact);
        Directory standardDir = FSDirectory.open(standard);
        DirectoryReader compactReader = DirectoryReader.open(compactDir);
        DirectoryReader standardReader = DirectoryReader.open(standardDir)) {
      // Read back by the codec that the segments name: Lucene's own, found by its name.
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(compactDir)) {
        assertThat(segment.info.getCodec().getName()).isEqualTo(Codec.getDefault().getName());
        assertThat(segment.info.getCodec().getClass()).isEqualTo(Codec.getDefault().getClass());
      }
      assertThat(compactReader.maxDoc()).isEqualTo(standardReader.maxDoc()).isGreaterThan(20_000);
      StoredFields compactFields = compactReader.storedFields();
      StoredFields standardFields = standardReader.storedFields();
      long storedBytes = 0;
      for (int doc = 0; doc < compactReader.maxDoc(); doc++) {
        List<IndexableField> expected = standardFields.document(doc).getFields();
        List<IndexableField> actual = compactFields.document(doc).getFields();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          assertThat(actual.get(i).name()).isEqualTo(expected.get(i).name());
          assertThat(actual.get(i).stringValue()).isEqualTo(expected.get(i).stringValue());
          assertThat(actual.get(i).numericValue()).isEqualTo(expected.get(i).numericValue());
          assertThat(actual.get(i).binaryValue()).isEqualTo(expected.get(i).binaryValue());
          storedBytes +=
              expected.get(i).stringValue() == null ? 8 : expected.get(i).stringValue().length();
        }
      }
      assertThat(storedBytes).isGreaterThan(10_000_000L);
      long compactSize = storedFieldsBytes(compactDir);
      long standardSize = storedFieldsBytes(standardDir);
      // Measured: 8.7% smaller on Reuters-21578.
      assertThat(compactSize)
          .as("stored fields compressed harder: %d against %d bytes", compactSize, standardSize)
          .isLessThan(standardSize * 95 / 100);
    }
  }

  @Test
  void flushedSegmentsAreCompactAndStaySoWhenMerged() throws IOException {
    Path compact = temp.resolve("flushed-compact");
    Path standard = temp.resolve("flushed-standard");
    try (DirectoryReader source =
        DirectoryReader.open(FSDirectory.open(ReutersIndex.get().directory()))) {
      // Two segments written as an ingest writes them: documents added, then flushed by a commit.
      flush(source, compact, ArticleIndexer.writerConfig());
      flush(source, standard, new IndexWriterConfig().setCodec(Codec.getDefault()));
    }
    try (Directory compactDir = FSDirectory.open(compact);
        Directory standardDir = FSDirectory.open(standard)) {
      long flushed = storedFieldsBytes(compactDir);
      long standardSize = storedFieldsBytes(standardDir);
      assertThat(flushed)
          .as("flushed stored fields: %d against Lucene's %d bytes", flushed, standardSize)
          .isLessThan(standardSize * 95 / 100);
      try (IndexWriter writer =
          new IndexWriter(compactDir, ArticleIndexer.writerConfig().setUseCompoundFile(false))) {
        writer.forceMerge(1);
      }
      long merged = storedFieldsBytes(compactDir);
      // The merged stored fields are as compact as the flushed ones (their size, not whether the
      // chunks were copied or compressed again: that shows in the merge's time, README, index).
      assertThat(merged).isBetween(flushed * 98 / 100, flushed * 101 / 100);
      try (DirectoryReader reader = DirectoryReader.open(compactDir);
          DirectoryReader lucene = DirectoryReader.open(standardDir)) {
        assertThat(reader.leaves()).hasSize(1);
        assertThat(reader.maxDoc()).isEqualTo(lucene.maxDoc()).isEqualTo(FLUSHED_DOCS);
        // The merge may order the segments by size: the same articles, by id.
        assertThat(bodiesById(reader)).isEqualTo(bodiesById(lucene));
      }
    }
  }

  private static Map<String, String> bodiesById(DirectoryReader reader) throws IOException {
    Map<String, String> bodies = new HashMap<>();
    StoredFields stored = reader.storedFields();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Document document = stored.document(doc);
      bodies.put(document.get(ArticleFields.ID), document.get(ArticleFields.BODY));
    }
    assertThat(bodies).hasSize(reader.maxDoc());
    return bodies;
  }

  private static final int FLUSHED_DOCS = 8_000;

  /** Adds the first {@link #FLUSHED_DOCS} stored documents of {@code source}, in two segments. */
  private static void flush(DirectoryReader source, Path target, IndexWriterConfig config)
      throws IOException {
    StoredFields stored = source.storedFields();
    try (Directory directory = FSDirectory.open(target);
        IndexWriter writer =
            new IndexWriter(
                directory,
                config.setUseCompoundFile(false).setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int doc = 0; doc < FLUSHED_DOCS; doc++) {
        Document document = new Document();
        for (IndexableField field : stored.document(doc).getFields()) {
          if (field.stringValue() != null) {
            document.add(new StoredField(field.name(), field.stringValue()));
          }
        }
        writer.addDocument(document);
        if (doc == FLUSHED_DOCS / 2) {
          writer.commit();
        }
      }
    }
    try (Directory directory = FSDirectory.open(target)) {
      assertThat(SegmentInfos.readLatestCommit(directory).size()).isEqualTo(2);
    }
  }

  private static void copy(DirectoryReader source, Path target, IndexWriterConfig config)
      throws IOException {
    List<CodecReader> segments = new ArrayList<>();
    for (LeafReaderContext leaf : source.leaves()) {
      // Seen through a filter, the segment is not its codec's own: the merge reads and writes
      // every document instead of copying its compressed chunks as they are.
      segments.add(
          SlowCodecReaderWrapper.wrap(
              new FilterLeafReader(leaf.reader()) {
                @Override
                public CacheHelper getCoreCacheHelper() {
                  return null;
                }

                @Override
                public CacheHelper getReaderCacheHelper() {
                  return null;
                }
              }));
    }
    try (Directory directory = FSDirectory.open(target);
        IndexWriter writer = new IndexWriter(directory, config.setUseCompoundFile(false))) {
      writer.addIndexes(segments.toArray(CodecReader[]::new));
      writer.forceMerge(1);
    }
  }

  private static long storedFieldsBytes(Directory index) throws IOException {
    long bytes = 0;
    for (String file : index.listAll()) {
      if (file.endsWith(".fdt")) {
        bytes += index.fileLength(file);
      }
    }
    return bytes;
  }
}
