package ca.businessx.nurture.doctor;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.sms.TwilioClient;
import ca.businessx.nurture.alert.sms.TwilioSettings;
import ca.businessx.nurture.crm.NotionWiring;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Checks the configuration against each outside system it names, without changing anything or
 * sending anything to a lead: the database answers, Resend knows the key and the sender's domain,
 * the SMTP server takes the login, the Discord webhook exists, Twilio takes the credentials,
 * Notion's databases have the properties Nurture needs.
 */
public final class Doctor {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Config config;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final ObjectMapper json = new ObjectMapper();

  public Doctor(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public List<Check> run() {
    List<Check> checks = new ArrayList<>();
    checks.add(Check.ok("configuration", "every setting is valid"));
    checks.add(database());
    checks.add(email());
    config.alerts().discordWebhook().ifPresent(url -> checks.add(discord(url)));
    config.sms().ifPresent(sms -> checks.add(twilio(sms)));
    config.crm().ifPresent(crm -> checks.add(notion(crm)));
    config
        .sentry()
        .ifPresent(
            s ->
                checks.add(
                    Check.ok(
                        "sentry",
                        "events go to " + s.dsn().getHost() + " (" + s.environment() + ")")));
    return checks;
  }

  Check database() {
    String what = config.db().embedded() ? "SQLite in " + config.dataDir() : "PostgreSQL";
    try (Database db =
        Database.open(config.db(), config.dataDir(), config.scheduler().nodeName())) {
      if (!db.isReachable()) {
        return Check.fail("database", what + " does not answer", fixDatabase());
      }
      int pending = db.pendingMigrations();
      return Check.ok(
          "database",
          what
              + " answers"
              + (pending == 0 ? "" : "; " + pending + " migration(s) to apply at the next start"));
    } catch (RuntimeException e) {
      return Check.fail(
          "database", what + " cannot be opened: " + e.getClass().getSimpleName(), fixDatabase());
    }
  }

  private String fixDatabase() {
    return config.db().embedded()
        ? "check that NURTURE_DATA_DIR exists and belongs to the service user"
        : "check NURTURE_DB_URL, NURTURE_DB_USER and NURTURE_DB_PASSWORD, and that PostgreSQL"
            + " accepts connections from this host";
  }

  Check email() {
    Config.Mail mail = config.mail();
    if (mail.resend().isPresent()) {
      return resend(mail.resend().get(), mail.from());
    }
    if (mail.smtp().isPresent()) {
      return smtp(mail.smtp().get());
    }
    return Check.ok(
        "email", "the local outbox (no email leaves); set RESEND_API_KEY or SMTP_HOST to send");
  }

  Check resend(Config.Resend resend, String from) {
    String domain = domainOf(from);
    try {
      HttpResponse<String> r =
          get(
              URI.create(resend.apiUrl().toString().replaceAll("/+$", "") + "/domains"),
              "Bearer " + resend.apiKey());
      JsonNode body = parse(r.body());
      if (r.statusCode() == 401 && "restricted_api_key".equals(body.path("name").asText())) {
        return Check.ok(
            "resend",
            "the key may send (a sending-only key cannot list domains, so "
                + domain
                + " was not checked)");
      }
      if (r.statusCode() == 401 || r.statusCode() == 403) {
        return Check.fail(
            "resend",
            "Resend refused the key (" + r.statusCode() + ")",
            "set RESEND_API_KEY to a key from resend.com/api-keys");
      }
      if (r.statusCode() / 100 != 2) {
        return Check.fail(
            "resend",
            "Resend answered " + r.statusCode(),
            "try again later; see status.resend.com");
      }
      for (JsonNode d : body.path("data")) {
        if (d.path("name").asText().equalsIgnoreCase(domain)) {
          String status = d.path("status").asText();
          return "verified".equals(status)
              ? Check.ok("resend", "the key works and " + domain + " is verified")
              : Check.fail(
                  "resend",
                  domain + " is " + status,
                  "finish the DNS records Resend lists for " + domain);
        }
      }
      return Check.fail(
          "resend",
          "the key works but Resend has no domain " + domain,
          "add " + domain + " in Resend, or set EMAIL_FROM to an address of a verified domain");
    } catch (IOException e) {
      return Check.fail(
          "resend",
          "cannot reach " + resend.apiUrl().getHost() + ": " + e.getClass().getSimpleName(),
          "check RESEND_API_URL and the network");
    }
  }

  Check smtp(Config.Smtp smtp) {
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
    p.put("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
    p.put("mail.smtp.starttls.enable", String.valueOf(smtp.tls()));
    p.put("mail.smtp.starttls.required", String.valueOf(smtp.tls()));
    p.put("mail.smtp.auth", String.valueOf(smtp.username().isPresent()));
    String where = smtp.host() + ":" + smtp.port();
    try (Transport t = Session.getInstance(p).getTransport("smtp")) {
      t.connect(
          smtp.host(), smtp.port(), smtp.username().orElse(null), smtp.password().orElse(null));
      return Check.ok(
          "smtp", where + (smtp.username().isPresent() ? " takes the login" : " answers"));
    } catch (jakarta.mail.AuthenticationFailedException e) {
      return Check.fail(
          "smtp", where + " refused the login", "check SMTP_USERNAME and SMTP_PASSWORD");
    } catch (MessagingException e) {
      return Check.fail(
          "smtp",
          where + " cannot be reached: " + e.getClass().getSimpleName(),
          "check SMTP_HOST, SMTP_PORT and SMTP_TLS");
    }
  }

  /** Discord answers a GET of a webhook URL with the webhook, without posting anything. */
  Check discord(URI url) {
    String path = url.getRawPath().replaceFirst("^/api/(v\\d+/)?webhooks/", "/api/v10/webhooks/");
    try {
      HttpResponse<String> r = get(url.resolve(path), null);
      if (r.statusCode() == 200) {
        return Check.ok(
            "discord",
            "the webhook exists (channel " + parse(r.body()).path("channel_id").asText("?") + ")");
      }
      return Check.fail(
          "discord",
          "Discord answered " + r.statusCode() + " code " + parse(r.body()).path("code").asInt(0),
          "copy the webhook URL again from the channel's Integrations settings into DISCORD_WEBHOOK_URL");
    } catch (IOException e) {
      return Check.fail(
          "discord",
          "cannot reach " + url.getHost() + ": " + e.getClass().getSimpleName(),
          "check DISCORD_WEBHOOK_URL and the network");
    }
  }

  Check twilio(Config.Sms sms) {
    try {
      String status =
          new TwilioClient(
                  new TwilioSettings(
                      sms.apiUrl(), sms.accountSid(), sms.authToken(), sms.from(), sms.timeout()))
              .accountStatus();
      return "active".equals(status)
          ? Check.ok(
              "twilio", "the account is active; texts go to " + sms.to().size() + " number(s)")
          : Check.fail("twilio", "the account is " + status, "reactivate it in the Twilio console");
    } catch (AlertException e) {
      return Check.fail(
          "twilio",
          e.getMessage(),
          e.isTransient()
              ? "try again later"
              : "copy TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the Twilio console");
    }
  }

  Check notion(Config.Crm crm) {
    try {
      List<String> problems =
          new NotionWiring(crm, clock, (key, reason) -> {}).schemaCheck().check();
      return problems.isEmpty()
          ? Check.ok("notion", "the databases have every property Nurture needs")
          : Check.fail("notion", String.join("; ", problems), "run: nurture notion setup");
    } catch (RuntimeException e) {
      return Check.fail(
          "notion",
          "cannot check: " + e.getMessage(),
          "check NOTION_API_KEY and that the databases are shared with the integration");
    }
  }

  private HttpResponse<String> get(URI uri, String authorization) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("User-Agent", "nurture/0.1 (doctor)")
            .GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  /** "BusinessX <hello@businessx.ca>" to "businessx.ca". */
  static String domainOf(String from) {
    String address =
        from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
    return address.substring(address.indexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
  }
}
