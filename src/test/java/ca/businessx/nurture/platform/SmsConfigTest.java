package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SMS_* and TWILIO_* settings: defaults, and every bad value stopping the start on its own line.
 */
class SmsConfigTest {
  static final String SID = "AC" + "0123456789abcdef".repeat(2);

  static Map<String, String> sms(String... more) {
    Map<String, String> env = new HashMap<>();
    env.put("SMS_ALERT_TO", "+15145550100, +1 438-555-0199");
    env.put("TWILIO_ACCOUNT_SID", SID);
    env.put("TWILIO_AUTH_TOKEN", "tok-secret");
    env.put("TWILIO_FROM", "+15145550000");
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  static List<String> problems(Map<String, String> env) {
    try {
      ConfigLoader.load(env);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration was accepted");
  }

  @Test
  void smsIsOffUntilConfiguredAndTakesTheIssuesDefaults() {
    assertThat(ConfigLoader.load(Map.of()).sms()).isEmpty();
    Config.Sms sms = ConfigLoader.load(sms()).sms().orElseThrow();
    assertThat(sms.to()).containsExactly("+15145550100", "+14385550199");
    assertThat(sms.retries()).isEqualTo(2);
    assertThat(sms.retryDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(sms.apiUrl().toString()).isEqualTo("https://api.twilio.com");
    assertThat(sms.quietHours()).isEmpty();
    assertThat(sms.toString()).doesNotContain("tok-secret", "5550100").contains("…0100");
  }

  @Test
  void eachBadSettingIsOneLine() {
    assertThat(
            problems(
                sms(
                    "SMS_ALERT_TO", "+15145550100,514-555-0100,+0123",
                    "SMS_QUIET_HOURS", "after ten",
                    "TWILIO_ACCOUNT_SID", "SK123",
                    "SMS_RETRIES", "many")))
        .containsExactlyInAnyOrder(
            "SMS_ALERT_TO must be comma-separated E.164 numbers such as +15145550100, got"
                + " '514-555-0100'",
            "SMS_ALERT_TO must be comma-separated E.164 numbers such as +15145550100, got '+0123'",
            "SMS_QUIET_HOURS must look like '22:00-07:00 America/Toronto' (start-end and a time"
                + " zone), got 'after ten'",
            "TWILIO_ACCOUNT_SID must be AC followed by 32 hexadecimal characters",
            "SMS_RETRIES must be a whole number, got 'many'");
  }

  @Test
  void theFourTwilioSettingsGoTogether() {
    assertThat(problems(Map.of("SMS_ALERT_TO", "+15145550100")))
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("is required for SMS alerts"));
  }

  @Test
  void quietHoursNeedAZoneAndRealTimes() {
    assertThat(problems(Map.of("SMS_QUIET_HOURS", "22:00-07:00"))).hasSize(1);
    assertThat(problems(Map.of("SMS_QUIET_HOURS", "25:00-07:00 America/Toronto"))).hasSize(1);
    assertThat(problems(Map.of("SMS_QUIET_HOURS", "22:00-07:00 Mars/Olympus"))).hasSize(1);
    Config.QuietHours q =
        ConfigLoader.load(sms("SMS_QUIET_HOURS", "22:00-7:00 America/Toronto"))
            .sms()
            .orElseThrow()
            .quietHours()
            .orElseThrow();
    assertThat(q.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(q.end()).isEqualTo(LocalTime.of(7, 0));
  }

  @Test
  void quietHoursDeferToTheirEndAndLetEverythingElseThrough() {
    var toronto = ZoneId.of("America/Toronto");
    var night = new Config.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), toronto);
    // 2026-03-02 is EST (UTC-5).
    Instant evening = Instant.parse("2026-03-03T03:30:00Z"); // 22:30 local
    Instant earlyMorning = Instant.parse("2026-03-03T10:00:00Z"); // 05:00 local
    Instant day = Instant.parse("2026-03-02T17:00:00Z"); // 12:00 local
    Instant sevenSharp = Instant.parse("2026-03-03T12:00:00Z");
    assertThat(night.nextAllowed(evening)).isEqualTo(sevenSharp);
    assertThat(night.nextAllowed(earlyMorning)).isEqualTo(sevenSharp);
    assertThat(night.nextAllowed(day)).isEqualTo(day);
    assertThat(night.nextAllowed(sevenSharp)).isEqualTo(sevenSharp);

    var lunch = new Config.QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), toronto);
    assertThat(lunch.nextAllowed(day)).isEqualTo(Instant.parse("2026-03-02T18:00:00Z"));
    var none = new Config.QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0), toronto);
    assertThat(none.nextAllowed(day)).isEqualTo(day);
  }

  @Test
  void aBadSentryDsnIsOneLineThatDoesNotRepeatTheKey() {
    assertThat(problems(Map.of("SENTRY_DSN", "https://abc123@sentry.example.com/")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line).startsWith("SENTRY_DSN must look like").doesNotContain("abc123"));
    assertThat(problems(Map.of("SENTRY_DSN", "sentry.example.com/42"))).hasSize(1);
    assertThat(problems(Map.of("SENTRY_DSN", "https://sentry.example.com/42"))).hasSize(1);
    assertThat(
            problems(
                Map.of(
                    "SENTRY_DSN",
                    "https://k@o1.ingest.sentry.io/42",
                    "SENTRY_TRACES_SAMPLE_RATE",
                    "2")))
        .containsExactly("SENTRY_TRACES_SAMPLE_RATE must be between 0.0 and 1.0, got 2");
    Config.Sentry s =
        ConfigLoader.load(Map.of("SENTRY_DSN", "https://k@o1.ingest.sentry.io/42"))
            .sentry()
            .orElseThrow();
    assertThat(s.environment()).isEqualTo("production");
    assertThat(s.tracesSampleRate()).isZero();
    assertThat(s.release()).startsWith("nurture@");
    assertThat(s.toString()).doesNotContain("k@");
  }
}
