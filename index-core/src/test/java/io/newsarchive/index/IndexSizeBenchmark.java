package io.newsarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints where an index's bytes go, per file kind and per field: the index is copied into one
 * segment with the indexer's codec, then copied again once with each field left out, and the
 * difference in each file kind is that field's share. Not part of the default test run; point it at
 * an index with {@code ./mvnw -pl index-core test -Dtest=IndexSizeBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.sizeIndex=DIR}.
 */
class IndexSizeBenchmark {

  /** The file kinds printed, by extension, in the order of the table's columns. */
  private static final List<String> KINDS =
      List.of("fdt", "doc", "pos", "pay", "tim", "tip", "dvd", "nvd", "kdd", "vec", "other");

  @TempDir Path dir;

  @Test
  void printsBytesPerFieldAndFileKind() throws IOException {
    String location = System.getProperty("newsarchive.sizeIndex", "");
    Assumptions.assumeFalse(location.isBlank(), "set -Dnewsarchive.sizeIndex=DIR to an index");
    try (Directory source = FSDirectory.open(Path.of(location));
        DirectoryReader reader = DirectoryReader.open(source)) {
      Map<String, Long> whole = copy(reader, "");
      System.out.printf(Locale.ROOT, "%-22s %s%n", "field", header());
      System.out.printf(Locale.ROOT, "%-22s %s%n", "(whole index)", row(whole, Map.of()));
      for (String field : fields(reader)) {
        System.out.printf(Locale.ROOT, "%-22s %s%n", field, row(whole, copy(reader, field)));
      }
    }
  }

  private static Set<String> fields(DirectoryReader reader) {
    Set<String> fields = new TreeSet<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (FieldInfo info : leaf.reader().getFieldInfos()) {
        fields.add(info.name);
      }
    }
    return fields;
  }

  /** Copies every segment of {@code reader} without {@code dropped} into one; bytes per kind. */
  private Map<String, Long> copy(DirectoryReader reader, String dropped) throws IOException {
    Path target = Files.createTempDirectory(dir, "copy");
    try (Directory out = FSDirectory.open(target)) {
      IndexWriterConfig config = ArticleIndexer.writerConfig();
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      // One file per kind, so that the kinds can be told apart.
      config.setUseCompoundFile(false);
      config.getMergePolicy().setNoCFSRatio(0);
      try (IndexWriter writer = new IndexWriter(out, config)) {
        List<CodecReader> leaves = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          leaves.add(SlowCodecReaderWrapper.wrap(new WithoutField(leaf.reader(), dropped)));
        }
        writer.addIndexes(leaves.toArray(CodecReader[]::new));
        writer.forceMerge(1);
        writer.commit();
      }
      Map<String, Long> bytes = new TreeMap<>();
      for (String file : out.listAll()) {
        bytes.merge(kind(file), out.fileLength(file), Long::sum);
      }
      return bytes;
    } finally {
      try (var files = Files.walk(target)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static String kind(String file) {
    int dot = file.lastIndexOf('.');
    String extension = dot < 0 ? "" : file.substring(dot + 1);
    return KINDS.contains(extension) ? extension : "other";
  }

  private static String header() {
    StringBuilder out = new StringBuilder();
    for (String kind : KINDS) {
      out.append(String.format(Locale.ROOT, "%9s", "." + kind));
    }
    return out.append(String.format(Locale.ROOT, "%10s", "total")).toString();
  }

  /** MiB per kind: of {@code whole}, or what {@code whole} holds beyond {@code without}. */
  private static String row(Map<String, Long> whole, Map<String, Long> without) {
    StringBuilder out = new StringBuilder();
    long total = 0;
    for (String kind : KINDS) {
      long bytes =
          whole.getOrDefault(kind, 0L) - (without.isEmpty() ? 0 : without.getOrDefault(kind, 0L));
      total += bytes;
      out.append(String.format(Locale.ROOT, "%9.2f", bytes / 1048576.0));
    }
    return out.append(String.format(Locale.ROOT, "%10.2f", total / 1048576.0)).toString();
  }

  /** A leaf that holds every field but one: not indexed, not stored, no doc values. */
  private static final class WithoutField extends FilterLeafReader {
    private final String dropped;
    private final FieldInfos infos;

    WithoutField(LeafReader in, String dropped) {
      super(in);
      this.dropped = dropped;
      List<FieldInfo> kept = new ArrayList<>();
      for (FieldInfo info : in.getFieldInfos()) {
        if (!info.name.equals(dropped)) {
          kept.add(info);
        }
      }
      this.infos = new FieldInfos(kept.toArray(FieldInfo[]::new));
    }

    @Override
    public FieldInfos getFieldInfos() {
      return infos;
    }

    @Override
    public Terms terms(String field) throws IOException {
      return field.equals(dropped) ? null : super.terms(field);
    }

    @Override
    public NumericDocValues getNumericDocValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getNumericDocValues(field);
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getBinaryDocValues(field);
    }

    @Override
    public SortedDocValues getSortedDocValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getSortedDocValues(field);
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getSortedNumericDocValues(field);
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getSortedSetDocValues(field);
    }

    @Override
    public DocValuesSkipper getDocValuesSkipper(String field) throws IOException {
      return field.equals(dropped) ? null : super.getDocValuesSkipper(field);
    }

    @Override
    public NumericDocValues getNormValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getNormValues(field);
    }

    @Override
    public PointValues getPointValues(String field) throws IOException {
      return field.equals(dropped) ? null : super.getPointValues(field);
    }

    @Override
    public StoredFields storedFields() throws IOException {
      StoredFields in = super.storedFields();
      return new StoredFields() {
        @Override
        public void document(int doc, StoredFieldVisitor visitor) throws IOException {
          in.document(doc, new Skipping(visitor, dropped));
        }
      };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }

  /** A visitor that passes over one field and hands every other to the visitor it wraps. */
  private static final class Skipping extends StoredFieldVisitor {
    private final StoredFieldVisitor in;
    private final String dropped;

    Skipping(StoredFieldVisitor in, String dropped) {
      this.in = in;
      this.dropped = dropped;
    }

    @Override
    public Status needsField(FieldInfo info) throws IOException {
      return info.name.equals(dropped) ? Status.NO : in.needsField(info);
    }

    @Override
    public void binaryField(FieldInfo info, byte[] value) throws IOException {
      in.binaryField(info, value);
    }

    @Override
    public void stringField(FieldInfo info, String value) throws IOException {
      in.stringField(info, value);
    }

    @Override
    public void intField(FieldInfo info, int value) throws IOException {
      in.intField(info, value);
    }

    @Override
    public void longField(FieldInfo info, long value) throws IOException {
      in.longField(info, value);
    }

    @Override
    public void floatField(FieldInfo info, float value) throws IOException {
      in.floatField(info, value);
    }

    @Override
    public void doubleField(FieldInfo info, double value) throws IOException {
      in.doubleField(info, value);
    }
  }
}
