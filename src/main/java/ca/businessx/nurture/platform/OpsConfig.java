package ca.businessx.nurture.platform;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the operations settings (SMS through Twilio, Sentry) for {@link ConfigLoader}, kept apart
 * so each problem is one line among the others and the loader stays short.
 */
final class OpsConfig {
  static final String DEFAULT_RELEASE = "nurture@0.1.0";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern QUIET =
      Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s+(\\S+)");
  private static final Pattern PROJECT_PATH = Pattern.compile("(/[^/]+)*/([0-9]+)/?");

  private OpsConfig() {}

  /** "+15145550100" as "…0100": enough to tell the team's numbers apart in a log line. */
  static String lastDigits(String number) {
    return number.length() <= 4 ? "…" : "…" + number.substring(number.length() - 4);
  }

  /** Separators people type ("+1 514-555-0100") are dropped; anything else must be E.164. */
  static Optional<String> e164(String raw) {
    String number = raw.replaceAll("[\\s().-]", "");
    return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
  }

  static Optional<Config.Sms> sms(EnvReader r) {
    Optional<Config.QuietHours> quiet = quietHours(r);
    Optional<String> to = r.string("SMS_ALERT_TO");
    Optional<String> sid = r.string("TWILIO_ACCOUNT_SID");
    Optional<String> token = r.string("TWILIO_AUTH_TOKEN");
    Optional<String> from = r.string("TWILIO_FROM");
    int retries = r.integer("SMS_RETRIES", 2, 0, 100);
    Duration retryDelay = r.duration("SMS_RETRY_DELAY", Duration.ofSeconds(30));
    Duration timeout = r.duration("TWILIO_TIMEOUT", Duration.ofSeconds(10));
    URI apiUrl = r.uri("TWILIO_API_URL").orElse(URI.create("https://api.twilio.com"));
    if (to.isEmpty() && sid.isEmpty() && token.isEmpty() && from.isEmpty()) {
      return Optional.empty();
    }
    int before = r.problems().size();
    for (var setting :
        List.of(
            new Setting("SMS_ALERT_TO", to),
            new Setting("TWILIO_ACCOUNT_SID", sid),
            new Setting("TWILIO_AUTH_TOKEN", token),
            new Setting("TWILIO_FROM", from))) {
      if (setting.value().isEmpty()) {
        r.problem(
            setting.name()
                + " is required for SMS alerts (SMS_ALERT_TO, TWILIO_ACCOUNT_SID,"
                + " TWILIO_AUTH_TOKEN and TWILIO_FROM go together)");
      }
    }
    List<String> numbers = new ArrayList<>();
    to.ifPresent(
        list -> {
          for (String part : list.split(",")) {
            if (part.isBlank()) {
              continue;
            }
            e164(part)
                .ifPresentOrElse(
                    numbers::add,
                    () ->
                        r.problem(
                            "SMS_ALERT_TO must be comma-separated E.164 numbers such as"
                                + " +15145550100, got '"
                                + part.strip()
                                + "'"));
          }
        });
    Optional<String> fromNumber = from.flatMap(OpsConfig::e164);
    if (from.isPresent() && fromNumber.isEmpty()) {
      r.problem(
          "TWILIO_FROM must be your Twilio number in E.164 such as +15145550100, got '"
              + from.get()
              + "'");
    }
    if (sid.isPresent() && !ACCOUNT_SID.matcher(sid.get()).matches()) {
      // Not echoed: an account SID is half of the credentials.
      r.problem("TWILIO_ACCOUNT_SID must be AC followed by 32 hexadecimal characters");
    }
    if (timeout.isZero()) {
      r.problem("TWILIO_TIMEOUT must be longer than zero, e.g. PT10S");
    }
    if (r.problems().size() > before || numbers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Config.Sms(
            sid.get(),
            token.get(),
            fromNumber.get(),
            numbers,
            apiUrl,
            retries,
            retryDelay,
            quiet,
            timeout));
  }

  private record Setting(String name, Optional<String> value) {}

  private static Optional<Config.QuietHours> quietHours(EnvReader r) {
    Optional<String> raw = r.string("SMS_QUIET_HOURS");
    if (raw.isEmpty() || raw.get().equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    Matcher m = QUIET.matcher(raw.get());
    try {
      if (m.matches()) {
        return Optional.of(
            new Config.QuietHours(time(m.group(1)), time(m.group(2)), ZoneId.of(m.group(3))));
      }
    } catch (DateTimeException e) {
      // Falls through to the one line below, which shows the expected shape.
    }
    r.problem(
        "SMS_QUIET_HOURS must look like '22:00-07:00 America/Toronto' (start-end and a time"
            + " zone), got '"
            + raw.get()
            + "'");
    return Optional.empty();
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    } catch (DateTimeParseException e) {
      throw new DateTimeException(text);
    }
  }

  static Optional<Config.Sentry> sentry(EnvReader r) {
    Optional<String> raw = r.string("SENTRY_DSN");
    String environment = r.string("SENTRY_ENVIRONMENT", "production");
    String release = r.string("SENTRY_RELEASE", DEFAULT_RELEASE);
    double rate = r.decimal("SENTRY_TRACES_SAMPLE_RATE", 0, 0, 1);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<URI> dsn = dsn(raw.get());
    if (dsn.isEmpty()) {
      // Not echoed: the DSN's user part is the project's key.
      r.problem(
          "SENTRY_DSN must look like https://<public key>@<host>/<project id>, as Sentry's"
              + " project settings show it (Client Keys)");
      return Optional.empty();
    }
    return Optional.of(new Config.Sentry(dsn.get(), environment, release, rate));
  }

  static Optional<URI> dsn(String raw) {
    try {
      URI uri = new URI(raw);
      boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      if (!web
          || uri.getRawUserInfo() == null
          || uri.getRawUserInfo().isBlank()
          || uri.getHost() == null
          || uri.getRawPath() == null
          || !PROJECT_PATH.matcher(uri.getRawPath()).matches()
          || uri.getRawQuery() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
