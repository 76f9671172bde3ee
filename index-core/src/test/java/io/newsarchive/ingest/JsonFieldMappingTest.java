package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonFieldMappingTest {

  @Test
  void parsesPairsAndKeepsDefaultsForFieldsNotListed() {
    JsonFieldMapping mapping =
        JsonFieldMapping.parse(
            "title=title, body=description ,published=date_published,source=source_title,url=link");

    assertThat(mapping.body()).isEqualTo("description");
    assertThat(mapping.published()).isEqualTo("date_published");
    assertThat(mapping.source()).isEqualTo("source_title");
    assertThat(mapping.url()).isEqualTo("link");
    assertThat(mapping.id()).isEqualTo("id");
    assertThat(mapping.authors()).isEqualTo("authors");
  }

  @Test
  void anEmptyNameMeansTheExportHasNoSuchField() {
    assertThat(JsonFieldMapping.parse("authors=").authors()).isEmpty();
  }

  @Test
  void acceptsPresetNames() {
    assertThat(JsonFieldMapping.parse("rss-news-2023")).isEqualTo(JsonFieldMapping.RSS_NEWS_2023);
    assertThat(JsonFieldMapping.parse("default")).isEqualTo(JsonFieldMapping.DEFAULT);
  }

  @Test
  void printsInTheFormItParses() {
    JsonFieldMapping mapping = JsonFieldMapping.RSS_NEWS_2023;

    assertThat(JsonFieldMapping.parse(mapping.toString())).isEqualTo(mapping);
  }

  @Test
  void rejectsUnknownKeysAndListsTheKnownOnes() {
    assertThatThrownBy(() -> JsonFieldMapping.parse("headline=title"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown field 'headline'")
        .hasMessageContaining("title, body, published");
  }

  @Test
  void rejectsAnUnknownPresetAndAPairWithoutEquals() {
    assertThatThrownBy(() -> JsonFieldMapping.parse("guardian"))
        .hasMessageContaining("rss-news-2023");
    assertThatThrownBy(() -> JsonFieldMapping.parse("title=t,body"))
        .hasMessageContaining("'body' has no '='");
  }

  @Test
  void needsATitleOrABodyField() {
    assertThatThrownBy(() -> JsonFieldMapping.parse("title=,body="))
        .hasMessageContaining("title or a body");
  }
}
