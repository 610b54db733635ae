package ca.businessx.nurture.email.resend;

import ca.businessx.nurture.email.OutboundEmail;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Emails and senders for the Resend tests. */
final class ResendFixtures {
  /** What a service with a real provider must name in every email (CASL), for service tests. */
  static final java.util.Map<String, String> SENDER_IDENTITY =
      java.util.Map.of(
          "SENDER_NAME",
          "BusinessX Canada",
          "SENDER_ADDRESS",
          "1 Main St, Moncton NB E1C 1A1",
          "SENDER_CONTACT",
          "hello@businessx.ca",
          "PUBLIC_BASE_URL",
          "https://nurture.example");

  static final String FROM = "Nurture <hello@" + FakeResend.VERIFIED_DOMAIN + ">";

  private ResendFixtures() {}

  static ResendEmailSender sender(FakeResend fake) {
    return sender(fake, 50, Duration.ofSeconds(5));
  }

  static ResendEmailSender sender(FakeResend fake, double requestsPerSecond, Duration timeout) {
    return sender(fake, FakeResend.API_KEY, requestsPerSecond, timeout);
  }

  static ResendEmailSender sender(
      FakeResend fake, String apiKey, double requestsPerSecond, Duration timeout) {
    ResendSettings settings =
        new ResendSettings(
            apiKey,
            fake.baseUri(),
            FROM,
            "support@" + FakeResend.VERIFIED_DOMAIN,
            requestsPerSecond,
            timeout);
    return new ResendEmailSender(settings, Clock.systemUTC());
  }

  static OutboundEmail email(String key) {
    return email(key, "lead-" + Math.abs(key.hashCode()) + "@example.ca");
  }

  static OutboundEmail email(String key, String to) {
    return new OutboundEmail(
        key,
        to,
        "Your assessment",
        "<p>Hello <a href=\"https://x.test/r\">read</a></p>",
        null,
        "critical-1",
        Map.of(
            "List-Unsubscribe",
            "<https://nurture.test/u/tok>",
            "List-Unsubscribe-Post",
            "List-Unsubscribe=One-Click"));
  }

  static List<OutboundEmail> emails(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> email(prefix + "/" + i)).toList();
  }
}
