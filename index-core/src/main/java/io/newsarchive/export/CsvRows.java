package io.newsarchive.export;

import io.newsarchive.search.Hit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 rows: a header row, fields separated by commas, a field quoted when it holds a comma, a
 * quote or a line break, quotes doubled, every record ending in CRLF, UTF-8 without a BOM. Several
 * values of one column share its field, joined by {@value #VALUE_SEPARATOR}.
 */
final class CsvRows implements RowWriter {

  /** What joins the values of a column that holds several. */
  static final String VALUE_SEPARATOR = "; ";

  private final Writer out;
  private final List<ExportColumn> columns;

  CsvRows(OutputStream out, List<ExportColumn> columns) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    this.columns = columns;
  }

  @Override
  public void start() throws IOException {
    for (int i = 0; i < columns.size(); i++) {
      field(i, columns.get(i).title());
    }
    out.write("\r\n");
  }

  @Override
  public void row(Hit hit) throws IOException {
    for (int i = 0; i < columns.size(); i++) {
      field(i, String.join(VALUE_SEPARATOR, columns.get(i).values(hit)));
    }
    out.write("\r\n");
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private void field(int index, String text) throws IOException {
    if (index > 0) {
      out.write(',');
    }
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      out.write(text);
      return;
    }
    out.write('"');
    out.write(text.replace("\"", "\"\""));
    out.write('"');
  }
}
