package io.newsarchive.search;

import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Autocomplete over headlines and entity names with Lucene's infix suggester: every word of the
 * input must start a word of the suggestion. The suggester lives in memory and is rebuilt lazily
 * for each new version of the index. Entity names rank ahead of headlines, each by how many
 * articles carry them. Thread-safe.
 */
final class TitleSuggester implements Closeable {

  /** Entity weights start here, so that names rank ahead of headlines. */
  private static final long ENTITY_BASE_WEIGHT = 1L << 40;

  private record Built(long version, AnalyzingInfixSuggester lookup) {}

  private final AtomicReference<Built> current = new AtomicReference<>();
  private final ReentrantLock building = new ReentrantLock();

  /** Up to {@code size} suggestions for {@code prefix} from the articles of {@code reader}. */
  List<Suggestion> suggest(DirectoryReader reader, String prefix, int size) throws IOException {
    try {
      return lookup(suggester(reader), prefix, size);
    } catch (AlreadyClosedException e) {
      // A newer index version replaced the suggester mid-lookup; the next one is current.
      return lookup(suggester(reader), prefix, size);
    }
  }

  private static List<Suggestion> lookup(AnalyzingInfixSuggester lookup, String prefix, int size)
      throws IOException {
    List<Suggestion> out = new ArrayList<>();
    for (Lookup.LookupResult result : lookup.lookup(prefix, size, true, false)) {
      Suggestion.Kind kind = Suggestion.Kind.valueOf(result.payload.utf8ToString());
      out.add(new Suggestion(result.key.toString(), kind));
    }
    return out;
  }

  private AnalyzingInfixSuggester suggester(DirectoryReader reader) throws IOException {
    Built built = current.get();
    if (built != null && built.version() == reader.getVersion()) {
      return built.lookup();
    }
    building.lock();
    try {
      built = current.get();
      if (built != null && built.version() == reader.getVersion()) {
        return built.lookup();
      }
      Built fresh = new Built(reader.getVersion(), build(reader));
      current.set(fresh);
      if (built != null) {
        built.lookup().close();
      }
      return fresh.lookup();
    } finally {
      building.unlock();
    }
  }

  private static AnalyzingInfixSuggester build(DirectoryReader reader) throws IOException {
    Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    AnalyzingInfixSuggester lookup =
        new AnalyzingInfixSuggester(
            new ByteBuffersDirectory(), analyzer, analyzer, 3, false, true, false, true);
    lookup.build(new Entries(entries(reader)));
    return lookup;
  }

  private record Entry(String text, long weight, Suggestion.Kind kind) {}

  private static List<Entry> entries(DirectoryReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      Terms terms = MultiTerms.getTerms(reader, ArticleFields.entityField(type));
      if (terms == null) {
        continue;
      }
      Suggestion.Kind kind = Suggestion.Kind.valueOf(FacetField.of(type).name());
      TermsEnum names = terms.iterator();
      for (BytesRef name = names.next(); name != null; name = names.next()) {
        entries.add(new Entry(name.utf8ToString(), ENTITY_BASE_WEIGHT + names.docFreq(), kind));
      }
    }
    Map<String, long[]> titles = new HashMap<>();
    Set<String> fields = Set.of(ArticleFields.TITLE);
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          String title = stored.document(doc, fields).get(ArticleFields.TITLE);
          if (title != null && !title.isBlank()) {
            titles.computeIfAbsent(title, t -> new long[1])[0]++;
          }
        }
      }
    }
    titles.forEach(
        (title, count) -> entries.add(new Entry(title, count[0], Suggestion.Kind.TITLE)));
    return entries;
  }

  @Override
  public void close() throws IOException {
    Built built = current.getAndSet(null);
    if (built != null) {
      built.lookup().close();
    }
  }

  /** Feeds entries to the suggester, with the kind as payload. */
  private static final class Entries implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry entry;

    Entries(List<Entry> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) {
        return null;
      }
      entry = entries.next();
      return new BytesRef(entry.text());
    }

    @Override
    public long weight() {
      return entry.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(entry.kind().name().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
