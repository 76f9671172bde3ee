package io.newsarchive.cli;

import io.newsarchive.entities.NamedEntityExtractor;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --shared} and {@code --model} options of the entity-model commands. */
final class EntityModelOptions {

  @Option(
      names = "--shared",
      description = "Shared data folder holding corpora/ (default: ../shared).",
      defaultValue = "../shared")
  Path shared;

  @Option(names = "--model", description = "Model file (default: the bundled model).")
  Path model;

  /** A corpus folder or file under {@code shared/corpora}. */
  Path corpus(String first, String... more) {
    return shared.resolve("corpora").resolve(Path.of(first, more));
  }

  /** The extractor with the chosen model file, or the bundled model. */
  NamedEntityExtractor extractor() throws IOException {
    return model == null ? NamedEntityExtractor.loadDefault() : NamedEntityExtractor.load(model);
  }
}
