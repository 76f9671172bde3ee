package io.newsarchive.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsarchive.server.api.ApiJson;
import io.newsarchive.server.api.ErrorBody;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the errors Jetty answers by itself, before a request reaches the app (a request line or
 * URI it cannot read, a URI or headers above its limits, a body too large), in the API's one error
 * shape instead of Jetty's HTML page, with the security headers every response carries.
 */
final class HttpErrorHandler extends ErrorHandler {

  @Override
  public boolean errorPageForMethod(String method) {
    // Every method gets the JSON body; HEAD still gets none, as HTTP says.
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws JsonProcessingException {
    byte[] json = ApiJson.mapper().writeValueAsBytes(body(code, message));
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    SecurityHeaders.addTo(response.getHeaders());
    response.write(true, ByteBuffer.wrap(json), callback);
  }

  private static ErrorBody body(int code, String message) {
    String detail =
        switch (code) {
          case 413 -> "the request body is larger than the server accepts; the API takes none";
          case 414 -> "the URI is longer than the server accepts; send a shorter query";
          case 431 ->
              "the request headers are larger than the server accepts; send fewer or"
                  + " shorter ones";
          case 400 ->
              "the request is not valid HTTP"
                  + (message == null || message.equals("Bad Request") ? "" : ": " + message)
                  + "; check the request line, the URI's percent-encoding and the headers";
          case 404 -> "no such resource; see /api/openapi.json";
          default ->
              "the server could not answer the request" + (message == null ? "" : ": " + message);
        };
    return ErrorMapping.forStatus(code, detail);
  }
}
