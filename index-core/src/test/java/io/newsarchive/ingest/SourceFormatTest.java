package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFormatTest {

  @TempDir Path dir;

  @Test
  void parseAcceptsShortNamesAndConstantNamesInAnyCase() {
    assertThat(SourceFormat.parse("kayhan")).isEqualTo(SourceFormat.KAYHAN_TEXT);
    assertThat(SourceFormat.parse(" Kayhan_Text ")).isEqualTo(SourceFormat.KAYHAN_TEXT);
    assertThat(SourceFormat.parse("kayhan-text")).isEqualTo(SourceFormat.KAYHAN_TEXT);
    assertThat(SourceFormat.parse("reuters")).isEqualTo(SourceFormat.REUTERS_SGML);
    assertThat(SourceFormat.parse("jsonl")).isEqualTo(SourceFormat.JSON_LINES);
    assertThat(SourceFormat.parse("JSON_LINES")).isEqualTo(SourceFormat.JSON_LINES);
    assertThat(SourceFormat.parse("warc")).isEqualTo(SourceFormat.WARC);
  }

  @Test
  void parseRejectsAnUnknownNameAndListsTheChoices() {
    assertThatThrownBy(() -> SourceFormat.parse("io.newsarchive.ingest.KayhanTextSource"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown format 'io.newsarchive.ingest.KayhanTextSource'")
        .hasMessageContaining("expected one of kayhan, reuters, jsonl, warc, smart");
  }

  @Test
  void detectFindsNothingInPlainProse() throws IOException {
    Path prose = dir.resolve("notes.txt");
    Files.writeString(prose, "Just some notes.\n\nNothing to see here.\n", StandardCharsets.UTF_8);

    assertThat(SourceFormat.detect(prose)).isEmpty();
  }

  @Test
  void detectIgnoresTheFileName() throws IOException {
    Path misnamed = dir.resolve("articles.jsonl");
    Files.writeString(misnamed, "kayhan.ir\n\nNews ID: 1\nPublish Date : 1 May 2021\n\nT\n\nB\n");

    assertThat(SourceFormat.detect(misnamed)).contains(SourceFormat.KAYHAN_TEXT);
  }

  @Test
  void detectReadsThroughGzip() throws IOException {
    Path gz = dir.resolve("kayhan.txt.gz");
    byte[] text = "kayhan.ir\n\nNews ID: 1\n\nT\n".getBytes(StandardCharsets.UTF_8);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text);
    }

    assertThat(SourceFormat.detect(gz)).contains(SourceFormat.KAYHAN_TEXT);
  }
}
