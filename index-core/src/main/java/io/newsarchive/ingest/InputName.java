package io.newsarchive.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How one input is named: where messages point, and what stable ids and sources taken from folder
 * names are made of. Immutable.
 *
 * @param shown the path that messages show: a file ({@code data/bbc/business/001.txt}) or an
 *     archive entry ({@code bbc.zip!/business/001.txt})
 * @param relative the path below the input the user named, with {@code /} between folders and
 *     {@code !/} after an archive ({@code business/001.txt}, {@code bbc.zip!/business/001.txt});
 *     for a file named directly, its file name
 * @param input the name of what the user named, without extensions: a folder's name ({@code bbc}),
 *     or a file's name ({@code bbc.zip} gives {@code bbc})
 */
public record InputName(Path shown, String relative, String input) {

  /** Validates that every part is present and not blank. */
  public InputName {
    Objects.requireNonNull(shown, "shown");
    if (relative == null || relative.isBlank() || input == null || input.isBlank()) {
      throw new IllegalArgumentException("an input needs a relative path and an input name");
    }
  }

  /** The name of a file the user named directly. */
  public static InputName of(Path file) {
    String name = file.getFileName().toString();
    return new InputName(file, name, stem(name));
  }

  /** The name of a file found under {@code root}, a folder the user named. */
  static InputName below(Path root, Path file) {
    Path folder = root.toAbsolutePath().normalize().getFileName();
    String input = folder == null ? "input" : folder.toString();
    String relative =
        root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    return new InputName(file, relative, input);
  }

  /** The name of the entry {@code entry} (a path inside this archive, {@code /}-separated). */
  InputName entry(String entry) {
    return new InputName(Path.of(shown + "!/" + entry), relative + "!/" + entry, input);
  }

  /**
   * The name of the folder that holds the input ({@code business} for {@code
   * bbc.zip!/business/001.txt}); the archive's name without extensions for an entry at the top of
   * an archive, and {@link #input} for a file at the top of the named folder.
   */
  public String folder() {
    String[] parts = relative.split("/");
    if (parts.length < 2) {
      return input;
    }
    String parent = parts[parts.length - 2];
    return parent.endsWith("!") ? stem(parent.substring(0, parent.length() - 1)) : parent;
  }

  /** A file name without its extensions: {@code bbc-fulltext.tar.gz} gives {@code bbc-fulltext}. */
  static String stem(String name) {
    int dot = name.indexOf('.', 1);
    String stem = dot < 0 ? name : name.substring(0, dot);
    return stem.isBlank() ? name.toLowerCase(Locale.ROOT) : stem;
  }
}
