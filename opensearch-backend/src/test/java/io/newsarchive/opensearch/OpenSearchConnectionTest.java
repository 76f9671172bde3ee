package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSearchConnectionTest {

  @Test
  void keepsTheNodeAddressesItWasOpenedWith() throws IOException {
    List<URI> nodes = List.of(URI.create("http://127.0.0.1:9200"), URI.create("https://b:9201/"));
    try (OpenSearchConnection connection = OpenSearchConnection.open(nodes)) {
      assertThat(connection.nodes()).isEqualTo(nodes);
      assertThat(connection.client()).isNotNull();
    }
  }

  @Test
  void refusesNoNodes() {
    assertThatThrownBy(() -> OpenSearchConnection.open(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no OpenSearch node address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:9200",
        "ftp://127.0.0.1:9200",
        "http://127.0.0.1",
        "http://127.0.0.1:9200/articles",
        "http://127.0.0.1:9200?pretty",
        "http://admin:secret@127.0.0.1:9200"
      })
  void refusesAnAddressThatIsNotAHostAndPort(String address) {
    assertThatThrownBy(() -> OpenSearchConnection.open(List.of(URI.create(address))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("like http://127.0.0.1:9200")
        .hasMessageEndingWith(address);
  }
}
