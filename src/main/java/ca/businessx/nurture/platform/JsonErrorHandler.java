package ca.businessx.nurture.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed path, oversized headers, a bad
 * request line) in the same JSON shape as every other error, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** Before a request exists (the parser refused it): headers and body in one go. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status));
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(status)), callback);
  }

  /**
   * Jetty's own reason can quote what the client sent; the status's standard phrase cannot, so that
   * is all the message says.
   */
  static byte[] body(int status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", Web.code(status));
    body.put("message", describe(status));
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(int status) {
    return switch (status) {
      case 400 -> "the request is malformed (e.g. a bad %-escape in the path or a bad header)";
      case 431 -> "the request's headers are too large";
      case 414 -> "the request's URI is too long";
      default -> {
        String phrase = HttpStatus.getMessage(status);
        yield phrase == null ? "HTTP " + status : phrase;
      }
    };
  }
}
