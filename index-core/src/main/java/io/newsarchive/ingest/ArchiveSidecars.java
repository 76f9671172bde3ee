package io.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link TextSidecar}s of one archive's plain-text entries. An archive is read in its own
 * order, so a sidecar is found for a text entry only when it comes before it (as it does in a zip
 * or tar made from sorted names, where {@code 001.meta.json} sorts before {@code 001.txt}); one
 * that comes after its text, or has no text entry at all, is reported as a warning, never silently
 * dropped. Not thread-safe.
 */
final class ArchiveSidecars {

  private final InputName archive;
  private final IngestListener listener;
  private final Map<String, TextSidecar> waiting = new HashMap<>();
  private final Set<String> textsRead = new HashSet<>();

  ArchiveSidecars(InputName archive, IngestListener listener) {
    this.archive = archive;
    this.listener = listener;
  }

  /**
   * Takes an entry if it is a sidecar: reads and keeps it, or reports why not.
   *
   * @return whether the entry was a sidecar (then its stream is consumed and closed)
   */
  boolean offer(String entry, InputStream in) throws IOException {
    if (!TextSidecar.isSidecar(entry)) {
      return false;
    }
    try (in) {
      byte[] bytes = in.readNBytes(TextSidecar.MAX_CHARS + 1);
      if (bytes.length > TextSidecar.MAX_CHARS) {
        throw new IllegalArgumentException(
            String.format("longer than %,d bytes", TextSidecar.MAX_CHARS));
      }
      TextSidecar sidecar = TextSidecar.parse(new String(bytes, StandardCharsets.UTF_8));
      if (textsRead.contains(entry)) {
        warn(entry, "sidecar not used: it comes after its text file in the archive; put it first");
      } else {
        waiting.put(entry, sidecar);
      }
    } catch (IllegalArgumentException e) {
      warn(entry, "sidecar not used: " + e.getMessage() + "; its text file is read without it");
    }
    return true;
  }

  /** The sidecar of a text entry, when one came before it. */
  Optional<TextSidecar> forText(String entry) {
    String sidecar = TextSidecar.sidecarName(entry);
    textsRead.add(sidecar);
    return Optional.ofNullable(waiting.remove(sidecar));
  }

  /** Reports the sidecars whose text file never came. */
  void finish() {
    waiting.keySet().stream()
        .sorted()
        .forEach(entry -> warn(entry, "sidecar not used: the archive has no text file for it"));
    waiting.clear();
  }

  private void warn(String entry, String reason) {
    listener.warned(new Rejection(archive.entry(entry).shown(), 0, 0, reason));
  }
}
