package io.newsarchive.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * How an article whose file names no source gets one. Immutable.
 *
 * @param rule where the name comes from
 * @param fixed the name for {@link Rule#NAMED}, else empty
 */
public record SourceNaming(Rule rule, String fixed) {

  /** Where a source name comes from. */
  public enum Rule {
    /**
     * The name of what the user named: the folder ({@code bbc}) or the file without extensions
     * ({@code bbc.zip} gives {@code bbc}); JSON records use their file's name.
     */
    INPUT,
    /**
     * The folder that holds each plain-text file ({@code business} for {@code
     * bbc/business/001.txt}), as collections sorted into one folder per section have it; JSON
     * records use their file's name.
     */
    FOLDER,
    /** One name the user gave, for every such article. */
    NAMED
  }

  /** The name of what the user named. */
  public static final SourceNaming FROM_INPUT = new SourceNaming(Rule.INPUT, "");

  /** The name of the folder that holds each plain-text file. */
  public static final SourceNaming FROM_FOLDER = new SourceNaming(Rule.FOLDER, "");

  /** Validates that a fixed name comes with, and only with, {@link Rule#NAMED}. */
  public SourceNaming {
    Objects.requireNonNull(rule, "rule");
    fixed = fixed == null ? "" : fixed.strip();
    if ((rule == Rule.NAMED) == fixed.isEmpty()) {
      throw new IllegalArgumentException("a source name is given with, and only with, NAMED");
    }
  }

  /**
   * One name for every article whose file names no source; a blank name means {@link #FROM_INPUT}.
   */
  public static SourceNaming named(String name) {
    return name == null || name.isBlank() ? FROM_INPUT : new SourceNaming(Rule.NAMED, name);
  }

  /** The fixed name, when the user gave one. */
  public Optional<String> name() {
    return fixed.isEmpty() ? Optional.empty() : Optional.of(fixed);
  }

  /** The source of a plain-text article read from {@code input}. */
  public String sourceOf(InputName input) {
    return switch (rule) {
      case INPUT -> input.input();
      case FOLDER -> input.folder();
      case NAMED -> fixed;
    };
  }
}
