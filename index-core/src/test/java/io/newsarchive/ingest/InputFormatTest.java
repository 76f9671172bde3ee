package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFormatTest {

  @TempDir Path dir;

  @Test
  void parseAcceptsShortNamesAndConstantNamesInAnyCase() {
    assertThat(InputFormat.parse("kayhan")).isEqualTo(InputFormat.KAYHAN_TEXT);
    assertThat(InputFormat.parse(" Kayhan_Text ")).isEqualTo(InputFormat.KAYHAN_TEXT);
    assertThat(InputFormat.parse("kayhan-text")).isEqualTo(InputFormat.KAYHAN_TEXT);
    assertThat(InputFormat.parse("reuters")).isEqualTo(InputFormat.REUTERS_SGML);
    assertThat(InputFormat.parse("jsonl")).isEqualTo(InputFormat.JSON_LINES);
    assertThat(InputFormat.parse("JSON_LINES")).isEqualTo(InputFormat.JSON_LINES);
    assertThat(InputFormat.parse("warc")).isEqualTo(InputFormat.WARC);
  }

  @Test
  void parseRejectsAnUnknownNameAndListsTheChoices() {
    assertThatThrownBy(() -> InputFormat.parse("io.newsarchive.ingest.KayhanTextReader"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown format 'io.newsarchive.ingest.KayhanTextReader'")
        .hasMessageContaining("expected one of kayhan, reuters, jsonl, warc, smart");
  }

  @Test
  void detectFindsNothingInPlainProse() throws IOException {
    Path prose = dir.resolve("notes.dat");
    Files.writeString(prose, "Just some notes.\n\nNothing to see here.\n", StandardCharsets.UTF_8);

    assertThat(InputFormat.detect(prose)).isEmpty();
  }

  @Test
  void detectIgnoresTheFileName() throws IOException {
    Path misnamed = dir.resolve("articles.jsonl");
    Files.writeString(misnamed, "kayhan.ir\n\nNews ID: 1\nPublish Date : 1 May 2021\n\nT\n\nB\n");

    assertThat(InputFormat.detect(misnamed)).contains(InputFormat.KAYHAN_TEXT);
  }

  @Test
  void detectReadsThroughGzip() throws IOException {
    Path gz = dir.resolve("kayhan.txt.gz");
    byte[] text = "kayhan.ir\n\nNews ID: 1\n\nT\n".getBytes(StandardCharsets.UTF_8);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text);
    }

    assertThat(InputFormat.detect(gz)).contains(InputFormat.KAYHAN_TEXT);
  }
}
