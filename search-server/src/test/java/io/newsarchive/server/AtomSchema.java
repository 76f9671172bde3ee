package io.newsarchive.server;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a document against the grammar of an Atom 1.0 feed ({@code atom/atom.rnc}, RFC 4287's
 * sections 3 and 4) with the Jing RELAX NG validator, and lists every error with its line.
 */
final class AtomSchema {

  private AtomSchema() {}

  /** The schema's errors in {@code xml}, each as "line:column: message"; empty when valid. */
  static List<String> errors(String xml) throws IOException, SAXException {
    List<String> errors = new ArrayList<>();
    ErrorHandler collect =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collect);
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    URL schema = AtomSchema.class.getResource("/atom/atom.rnc");
    if (!driver.loadSchema(new InputSource(schema.toExternalForm()))) {
      throw new IllegalStateException("the Atom schema does not load: " + errors);
    }
    driver.validate(new InputSource(new StringReader(xml)));
    return errors;
  }
}
