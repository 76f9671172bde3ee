package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NerModelTest {

  @Test
  void bundledModelReadAndWrittenAgainIsTheSameBytes() throws IOException {
    // Training is reproducible byte for byte only if writing a model does not depend on hash
    // order, which differs from one JVM to the next; the bundled file was written by another one.
    byte[] bundled = Files.readAllBytes(Path.of("../data/models/ner-en.bin"));
    NerModel model;
    try (InputStream in = new java.io.ByteArrayInputStream(bundled)) {
      model = NerModel.read(in);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    assertThat(out.toByteArray()).isEqualTo(bundled);
  }
}
