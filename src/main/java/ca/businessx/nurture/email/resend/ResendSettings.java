package ca.businessx.nurture.email.resend;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Resend. {@code requestsPerSecond} is the client-side pace before the provider has
 * told us its own limit; {@code replyTo} may be null.
 */
public record ResendSettings(
    String apiKey,
    URI apiUrl,
    String from,
    String replyTo,
    double requestsPerSecond,
    Duration timeout) {

  public static final URI DEFAULT_API_URL = URI.create("https://api.resend.com");
  public static final double DEFAULT_REQUESTS_PER_SECOND = 2.0;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  public ResendSettings {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("Resend API key is missing");
    }
    Objects.requireNonNull(apiUrl, "Resend API URL is missing");
    if (!"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
      throw new IllegalArgumentException("Resend API URL must be http or https");
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("the sender address (from) is missing");
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("Resend requests per second must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Resend timeout must be positive");
    }
  }

  /** The production endpoint with the documented defaults. */
  public static ResendSettings of(String apiKey, String from, String replyTo) {
    return new ResendSettings(
        apiKey, DEFAULT_API_URL, from, replyTo, DEFAULT_REQUESTS_PER_SECOND, DEFAULT_TIMEOUT);
  }

  /** Never prints the key or the addresses: settings end up in start-up logs. */
  @Override
  public String toString() {
    return "ResendSettings[apiUrl="
        + apiUrl
        + ", requestsPerSecond="
        + requestsPerSecond
        + ", timeout="
        + timeout
        + "]";
  }
}
