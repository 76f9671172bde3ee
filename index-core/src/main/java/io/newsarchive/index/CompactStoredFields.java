package io.newsarchive.index;

import java.io.IOException;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.StoredFieldsWriter;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * Stored fields in Lucene's default fast format (LZ4 with a preset dictionary, {@code BEST_SPEED}),
 * compressed harder: the same bytes any Lucene reads the same way and as fast, with the matches
 * found by LZ4's high-compression search instead of its fast one. The chunks, their dictionaries
 * and blocks are laid out as Lucene lays them out, so only the search for repeated text differs;
 * the stored fields need nothing of this project to be read. Segments are read through the same
 * format that writes them, so a merge copies their compressed chunks as they are (Lucene's bulk
 * merge, for segments without deletions) instead of decompressing and compressing every article
 * again; a segment written by Lucene's fast compressor (an index written before) is copied alike.
 */
final class CompactStoredFields {

  /** What Lucene's {@code BEST_SPEED} stored fields call their files and write in a chunk. */
  private static final String FORMAT_NAME = "Lucene90StoredFieldsFastData";

  private static final int CHUNK_BYTES = 10 * 8 * 1024;
  private static final int CHUNK_DOCS = 1024;
  private static final int BLOCK_SHIFT = 10;

  /** A chunk is its dictionary and this many blocks; the dictionary is half a block. */
  private static final int BLOCKS = 10;

  private static final int DICTIONARY_FACTOR = 2;

  private CompactStoredFields() {}

  /** Stored fields as described above. */
  static StoredFieldsFormat format() {
    return new Format();
  }

  /**
   * Lucene's compressing stored fields with {@link HighCompression}, which also reads: the reader
   * then names the writer's compression, which is what Lucene's merge asks of a segment before it
   * copies its chunks.
   */
  private static final class Format extends StoredFieldsFormat {
    private final StoredFieldsFormat compact =
        new Lucene90CompressingStoredFieldsFormat(
            FORMAT_NAME, new HighCompression(), CHUNK_BYTES, CHUNK_DOCS, BLOCK_SHIFT);

    @Override
    public StoredFieldsReader fieldsReader(
        Directory directory, SegmentInfo info, FieldInfos fields, IOContext context)
        throws IOException {
      return compact.fieldsReader(directory, info, fields, context);
    }

    @Override
    public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo info, IOContext context)
        throws IOException {
      // What Lucene's fast writer records, so that Lucene's own codec reads the segment.
      info.putAttribute(
          Lucene90StoredFieldsFormat.MODE_KEY, Lucene90StoredFieldsFormat.Mode.BEST_SPEED.name());
      return compact.fieldsWriter(directory, info, context);
    }
  }

  /** LZ4 with a preset dictionary, Lucene's chunk layout, found by the high-compression search. */
  private static final class HighCompression extends CompressionMode {
    private final CompressionMode standard = new LZ4WithPresetDictCompressionMode();

    @Override
    public Compressor newCompressor() {
      return new HighCompressor();
    }

    @Override
    public Decompressor newDecompressor() {
      return standard.newDecompressor();
    }

    @Override
    public String toString() {
      return "BEST_SPEED, high-compression search";
    }
  }

  /**
   * Writes a chunk as Lucene's {@code BEST_SPEED} compressor does: the dictionary's and blocks'
   * lengths, each block's compressed length, then the dictionary and each block compressed with the
   * dictionary before it.
   */
  private static final class HighCompressor extends Compressor {
    private final ByteBuffersDataOutput compressed = ByteBuffersDataOutput.newResettableInstance();
    private final LZ4.HighCompressionHashTable table = new LZ4.HighCompressionHashTable();
    private byte[] buffer = BytesRef.EMPTY_BYTES;

    @Override
    public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
      int length = Math.toIntExact(in.length() - in.position());
      int dictionary = Math.min(LZ4.MAX_DISTANCE, length / (BLOCKS * DICTIONARY_FACTOR));
      int block = (length - dictionary + BLOCKS - 1) / BLOCKS;
      buffer = ArrayUtil.growNoCopy(buffer, dictionary + block);
      out.writeVInt(dictionary);
      out.writeVInt(block);
      compressed.reset();
      in.readBytes(buffer, 0, dictionary);
      compressBlock(0, dictionary, out);
      for (int start = dictionary; start < length; start += block) {
        int size = Math.min(block, length - start);
        in.readBytes(buffer, dictionary, size);
        compressBlock(dictionary, size, out);
      }
      compressed.copyTo(out);
    }

    /**
     * Compresses {@code size} bytes after a dictionary of {@code dictionary}, writes its length.
     */
    private void compressBlock(int dictionary, int size, DataOutput lengths) throws IOException {
      long before = compressed.size();
      LZ4.compressWithDictionary(buffer, 0, dictionary, size, compressed, table);
      lengths.writeVInt(Math.toIntExact(compressed.size() - before));
    }

    @Override
    public void close() {}
  }
}
