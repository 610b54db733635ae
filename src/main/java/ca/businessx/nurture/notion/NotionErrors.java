package ca.businessx.nurture.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a Notion error answer into a {@link NotionException} that says transient or permanent. */
final class NotionErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("[^\\s@`\"'<>(),;]+@[^\\s@`\"'<>(),;]+");
  private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");
  private static final Pattern HARMLESS =
      Pattern.compile("[0-9.\\s≤≥<>=-]*|undefined|null|true|false");

  private NotionErrors() {}

  static NotionException from(String method, String path, HttpResponse<String> res, Clock clock) {
    int status = res.statusCode();
    String code = "http_" + status;
    String message = "";
    try {
      JsonNode body = JSON.readTree(res.body());
      if (body != null && "error".equals(body.path("object").asText())) {
        code = body.path("code").asText(code);
        message = redact(body.path("message").asText(""));
      }
    } catch (Exception notJson) {
      // An edge proxy can answer with HTML that never reached Notion; the status still counts.
    }
    Duration retryAfter = retryAfter(res.headers().firstValue("retry-after"), clock);
    String text =
        "Notion "
            + method
            + " "
            + path
            + " answered "
            + status
            + " "
            + code
            + (message.isEmpty() ? "" : ": " + message);
    return new NotionException(text, isTransient(status), retryAfter, status, code);
  }

  static boolean isTransient(int status) {
    // 409 is Notion's transaction conflict, which its docs say to retry.
    return switch (status) {
      case 409, 429, 500, 502, 503, 504, 529 -> true;
      default -> false;
    };
  }

  /**
   * Notion's validation messages can quote the rejected value ("instead was `...`"), which may be a
   * lead's email or name; keep numbers and keywords, drop the rest.
   */
  static String redact(String message) {
    Matcher quoted = QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (quoted.find()) {
      String inside = quoted.group(1);
      quoted.appendReplacement(
          out,
          Matcher.quoteReplacement(HARMLESS.matcher(inside).matches() ? quoted.group() : "`…`"));
    }
    quoted.appendTail(out);
    String clean = EMAIL.matcher(out).replaceAll("<email>");
    return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
  }

  static Duration retryAfter(Optional<String> header, Clock clock) {
    if (header.isEmpty() || header.get().isBlank()) {
      return null;
    }
    String value = header.get().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration left = Duration.between(clock.instant(), at.toInstant());
        return left.isNegative() ? Duration.ZERO : left;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }
}
