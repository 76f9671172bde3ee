package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.newsarchive.export.ExportColumn;
import io.newsarchive.export.ResultExport;
import io.newsarchive.search.ExportFormat;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * {@code GET /api/export}: every article a search matches, in its order, as a CSV or JSON Lines
 * attachment, streamed page by page ({@link ResultExport}) in chunks without a length. It takes the
 * parameters of {@code /api/search} except paging ({@code page}, {@code size}, {@code cursor}),
 * which an export of the whole result has no use for and refuses as unknown, plus {@code format}
 * and {@code body}. Counting parameters (facets, timeline, snippets) are accepted and change
 * nothing. A bad request is refused before the first byte; a failure once rows are on their way (a
 * page that ran out of time) cuts the connection, so that the client sees a broken download rather
 * than a short file that looks whole. A client that goes away stops the export.
 */
final class ExportHandler {

  /** The search parameters an export takes. */
  static final List<SearchParameter<?>> SEARCH = SearchParameters.allBut(SearchParameters.PAGING);

  static final List<SearchParameter<?>> PARAMS = params();

  private static final System.Logger LOG = System.getLogger(ExportHandler.class.getName());

  private final SearchBackend backend;

  ExportHandler(SearchBackend backend) {
    this.backend = backend;
  }

  private static List<SearchParameter<?>> params() {
    List<SearchParameter<?>> params = new ArrayList<>(SEARCH);
    params.add(SearchParameters.FORMAT);
    params.add(SearchParameters.BODY);
    return List.copyOf(params);
  }

  void export(Context ctx) throws IOException {
    QueryParams params = QueryParams.of(ctx, PARAMS);
    SearchRequest request = SearchRequest.of(params.all(SEARCH));
    ExportFormat format = params.get(SearchParameters.FORMAT);
    List<ExportColumn> columns =
        params.get(SearchParameters.BODY) ? ExportColumn.withBody() : ExportColumn.withoutBody();
    ResultExport export = new ResultExport(backend, format, columns);
    ResultExport.Page first = export.first(request);
    SlowQueryLog.remember(ctx, first.result());
    HttpServletResponse response = ctx.res();
    response.setStatus(200);
    response.setContentType(format.contentType());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"newsarchive-export." + format.extension() + "\"");
    if (ctx.method() == HandlerType.HEAD) {
      return;
    }
    OutputStream out = response.getOutputStream();
    try {
      export.write(first, out);
    } catch (IOException | RuntimeException e) {
      // Rows are on their way: an error body now would read as rows. Closing the connection
      // before the last chunk tells the client the download broke.
      LOG.log(System.Logger.Level.INFO, "export stopped: " + e);
      ServletContextRequest.getServletContextRequest(ctx.req())
          .getConnectionMetaData()
          .getConnection()
          .getEndPoint()
          .close(e);
    }
  }
}
