package ca.businessx.nurture.email.resend;

import ca.businessx.nurture.email.ProviderText;
import ca.businessx.nurture.email.SendException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns a Resend error response into a {@link SendException}, transient or permanent, following
 * providers.md §2.4. Branches on the status class and the error name, never on message text.
 */
final class ResendFailures {
  /** When a 429 carries no usable retry-after, wait one rate-limit window. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private final ObjectMapper json;
  private final Clock clock;

  ResendFailures(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** Null for a 2xx answer, else the failure to report. */
  SendException classify(int status, String body, HttpHeaders headers) {
    if (status >= 200 && status < 300) {
      return null;
    }
    String name = "application_error";
    String message = body;
    try {
      JsonNode error = json.readTree(body);
      name = error.path("name").asText(name);
      message = error.path("message").asText(body);
    } catch (IOException | RuntimeException notJson) {
      // resend-node does the same: a non-JSON error body is an application_error
    }
    String what = "resend " + status + " " + name + ": " + ProviderText.safe(message);
    return switch (status) {
      case 429 ->
          name.endsWith("_quota_exceeded")
              ? SendException.permanent(what + " (sending quota used up; not retried)")
              : SendException.transientFailure(
                  what, retryAfter(headers).orElse(DEFAULT_RETRY_AFTER), null);
      case 409 ->
          switch (name) {
            case "concurrent_idempotent_requests" ->
                SendException.transientFailure(what, null, null);
            case "invalid_idempotent_request" ->
                SendException.permanent(
                    "BUG: an idempotency key was reused with a different payload; " + what);
            default -> SendException.permanent(what);
          };
      case 408 -> SendException.transientFailure(what, null, null);
      default ->
          status >= 500
              ? SendException.transientFailure(what, null, null)
              : SendException.permanent(what);
    };
  }

  /** retry-after as delta-seconds or an HTTP date. */
  Optional<Duration> retryAfter(HttpHeaders headers) {
    return headers
        .firstValue("retry-after")
        .map(String::strip)
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
              } catch (NumberFormatException notSeconds) {
                try {
                  ZonedDateTime at =
                      ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                  Duration wait = Duration.between(clock.instant(), at.toInstant());
                  return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                  return Optional.empty();
                }
              }
            });
  }
}
