package io.newsarchive.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.newsarchive.search.Hit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * JSON Lines: one object per article on its own line ending in LF, UTF-8; a column of one value is
 * a string ({@code null} when it has none), a column of several an array of strings.
 */
final class JsonLinesRows implements RowWriter {

  // Each object ends its own line; Jackson would put a space between root values.
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder().rootValueSeparator("").build();

  private final JsonGenerator json;
  private final List<ExportColumn> columns;

  JsonLinesRows(OutputStream out, List<ExportColumn> columns) throws IOException {
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.columns = columns;
  }

  @Override
  public void start() {
    // JSON Lines has no header.
  }

  @Override
  public void row(Hit hit) throws IOException {
    json.writeStartObject();
    for (ExportColumn column : columns) {
      List<String> values = column.values(hit);
      json.writeFieldName(column.title());
      if (column.shape() == ExportColumn.Shape.ONE) {
        if (values.isEmpty()) {
          json.writeNull();
        } else {
          json.writeString(values.get(0));
        }
      } else {
        json.writeStartArray();
        for (String value : values) {
          json.writeString(value);
        }
        json.writeEndArray();
      }
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }
}
