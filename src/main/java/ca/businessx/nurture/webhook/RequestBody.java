package ca.businessx.nurture.webhook;

import ca.businessx.nurture.platform.ApiError;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a webhook body, JSON or an HTML form post, into one JSON object, refusing what is too big,
 * not UTF-8, malformed or of another content type. The raw bytes are kept for signature checks.
 */
public final class RequestBody {
  public static final int MAX_BYTES = 64 * 1024;
  private static final long DRAIN_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private RequestBody() {}

  public static byte[] raw(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        // Read on a little so a client still sending gets the 413 rather than a reset connection.
        in.skipNBytes(
            Math.min(Math.max(ctx.req().getContentLengthLong() - bytes.length, 0), DRAIN_BYTES));
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      if (timedOut(e)) {
        throw new ApiError(
            408,
            "request_timeout",
            "the body arrived too slowly; send it whole within WEBHOOK_READ_TIMEOUT");
      }
      throw new ApiError(400, "unreadable_body", "the request body could not be read");
    }
  }

  /** Jetty fails a late or trickling body's reads with a TimeoutException somewhere inside. */
  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  public static ObjectNode parse(String contentType, byte[] raw) {
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    String text = utf8(raw);
    return switch (type) {
      case "application/json" -> json(text);
      case "application/x-www-form-urlencoded" -> form(text);
      case "" ->
          throw new ApiError(
              415,
              "unsupported_content_type",
              "send Content-Type application/json or application/x-www-form-urlencoded");
      default ->
          throw new ApiError(
              415,
              "unsupported_content_type",
              "content type "
                  + type
                  + " is not supported; send application/json or"
                  + " application/x-www-form-urlencoded");
    };
  }

  private static ObjectNode json(String text) {
    if (text.isBlank()) {
      throw new ApiError(400, "malformed_body", "the body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiError(
          400, "malformed_body", "the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new ApiError(400, "malformed_body", "the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static ObjectNode form(String text) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    if (text.isBlank()) {
      return fields;
    }
    String stripped = text.strip();
    if ((stripped.startsWith("{") && stripped.endsWith("}"))
        || (stripped.startsWith("[") && stripped.endsWith("]"))) {
      // curl -d sends a form unless told otherwise; read as one, a JSON body has no email field
      // and the answer would be a puzzling "email is required".
      throw new ApiError(
          415,
          "json_sent_as_form",
          "the body looks like JSON but was sent as a form (curl -d does that);"
              + " add the header Content-Type: application/json");
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (!fields.has(key)) {
          fields.put(key, value);
        }
      } catch (IllegalArgumentException e) {
        throw new ApiError(400, "malformed_body", "the form body has a malformed %-escape");
      }
    }
    return fields;
  }

  private static String utf8(byte[] raw) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiError(400, "malformed_body", "the body is not valid UTF-8");
    }
  }

  private static ApiError tooLarge() {
    return new ApiError(
        413, "body_too_large", "the body is larger than " + MAX_BYTES / 1024 + " KiB");
  }
}
