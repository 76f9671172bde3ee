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
 *
 * <p>A field that a spreadsheet would read as a formula (it begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) gets a leading apostrophe, so that opening an
 * export never runs a formula planted in an article's title or text; spreadsheets show the
 * apostrophe as a text marker, and JSON Lines keep the text unchanged.
 */
final class CsvRows implements RowWriter {

  /** What joins the values of a column that holds several. */
  static final String VALUE_SEPARATOR = "; ";

  /** The first characters that make a spreadsheet read a field as a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

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

  private void field(int index, String value) throws IOException {
    if (index > 0) {
      out.write(',');
    }
    String text = startsLikeAFormula(value) ? "'" + value : value;
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

  /** Whether a spreadsheet would take {@code text} as a formula rather than as text. */
  static boolean startsLikeAFormula(String text) {
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
  }
}
