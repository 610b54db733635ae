package ca.businessx.nurture.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the service is configured with, read once at start by {@link ConfigLoader}. */
public record Config(
    int port,
    boolean testingMode,
    Path dataDir,
    Optional<Path> configDir,
    Db db,
    Sequence sequence,
    Mail mail,
    Alerts alerts,
    Sender sender,
    Optional<String> adminToken,
    Scheduler scheduler,
    Optional<Crm> crm,
    Trust trust,
    boolean metricsPublic,
    Bookings bookings,
    AbTest abTest,
    Locale locale,
    Optional<Sms> sms,
    Optional<Sentry> sentry,
    Engagement engagement,
    SendWindows sendWindows) {

  /**
   * {@code SEND_WINDOW}: the hours an email may reach a lead, in its own zone, closed on the
   * statutory holidays of Canada and its province; {@code always} when off (the testing mode and
   * {@code SEQUENCE_WAITS} turn it off unless it is set explicitly).
   */
  public record SendWindows(ca.businessx.nurture.calendar.SendWindow window) {}

  /**
   * Subject-line tests: a variant wins when each has {@code minSample} sent and the click-rate test
   * gives p below {@code significance}; with {@code autoPromote} the winner is promoted by itself.
   */
  public record AbTest(boolean autoPromote, int minSample, double significance) {}

  /**
   * A lead's zone and language when it did not say (issue 13): {@code DEFAULT_TIMEZONE}, {@code
   * DEFAULT_LANGUAGE} and, for a Quebec lead, {@code DEFAULT_LANGUAGE_QC}. Languages are codes
   * ({@code en}, {@code fr}), checked by the loader.
   */
  public record Locale(
      java.time.ZoneId defaultZone, String defaultLanguage, String quebecLanguage) {}

  /**
   * When the team hears of a hot lead: its engagement score reaches {@code hotLeadScore}, or it
   * clicked the booking link and has not booked {@code hotLeadGrace} later. (The score's weights
   * and half-life are in {@code config/engagement.json}.)
   */
  public record Engagement(double hotLeadScore, Duration hotLeadGrace) {}

  /** The calendars' webhook secrets; an endpoint answers 503 while its secret is unset. */
  public record Bookings(Optional<String> calcomSecret, Optional<String> calendlySecret) {
    @Override
    public String toString() {
      return "Bookings[calcom="
          + calcomSecret.isPresent()
          + ", calendly="
          + calendlySecret.isPresent()
          + "]";
    }
  }

  /**
   * Who may post and how much: the lead webhooks' HMAC secret, a per-client rate, browser origins,
   * the Resend webhook's Svix secret, the key that signs unsubscribe links, the proxies whose
   * {@code X-Forwarded-For} is believed, the address to listen on, and how long and how many
   * webhook bodies may be read at once.
   */
  public record Trust(
      Optional<String> webhookSecret,
      double webhookRatePerSecond,
      int webhookBurst,
      java.util.Set<String> corsOrigins,
      List<Cidr> trustedProxies,
      Optional<String> resendWebhookSecret,
      Optional<String> signingSecret,
      String bindAddress,
      Duration webhookReadTimeout,
      int webhookMaxConcurrent) {
    @Override
    public String toString() {
      return "Trust[signed=" + webhookSecret.isPresent() + ", rate=" + webhookRatePerSecond + "]";
    }
  }

  /**
   * JDBC settings; an empty url means the embedded SQLite database under the data dir. {@code
   * sqliteSync} is SQLite's {@code synchronous} setting: FULL (the default) syncs the WAL on every
   * commit, so an answered webhook survives power loss; NORMAL syncs only at checkpoints, so an
   * answered webhook survives a crash of the process but the last commits may be lost with the
   * power.
   */
  public record Db(
      Optional<String> url, Optional<String> user, Optional<String> password, String sqliteSync) {
    public boolean embedded() {
      return url.isEmpty();
    }
  }

  /**
   * Overrides of the sequence's waits, how failed sends are retried, how many emails go out in one
   * provider call, and how long a sender holds a batch before another may take it over (longer than
   * any provider call; after a crash, in-flight emails wait this long), and how long after a
   * sequence ends a new assessment may start it again ({@code REENTRY_AFTER}, see {@code
   * sequence.Reentry}).
   */
  public record Sequence(
      Optional<List<Duration>> waits,
      int sendRetries,
      Duration sendRetryDelay,
      int batchSize,
      Duration sendLease,
      Duration reentryAfter) {}

  /**
   * The sender: Resend when its key is set, else SMTP when its host is set, else the local outbox.
   */
  public record Mail(
      String from, Optional<String> replyTo, Optional<Resend> resend, Optional<Smtp> smtp) {}

  public record Resend(
      String apiKey, java.net.URI apiUrl, double requestsPerSecond, Duration timeout) {
    @Override
    public String toString() {
      return "Resend[apiKey=***, apiUrl=" + apiUrl + "]";
    }
  }

  public record Smtp(
      String host, int port, Optional<String> username, Optional<String> password, boolean tls) {
    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", tls=" + tls + "]";
    }
  }

  /** Where hot-lead alerts go (a log line when no Discord webhook is set) and how they retry. */
  public record Alerts(Optional<java.net.URI> discordWebhook, int retries, Duration retryDelay) {
    @Override
    public String toString() {
      return "Alerts[discord=" + discordWebhook.isPresent() + "]";
    }
  }

  /**
   * Who the emails come from, shown in every footer (CASL identification), and where links point.
   * {@code person} ({@code SENDER_PERSON}, name and title) signs each email above the company name;
   * people answer a person more readily than a company.
   */
  public record Sender(
      String name,
      String address,
      String contact,
      String publicBaseUrl,
      String bookingUrl,
      Optional<String> person) {
    /** A sender with no person to sign: emails are signed by the company. */
    public Sender(
        String name, String address, String contact, String publicBaseUrl, String bookingUrl) {
      this(name, address, contact, publicBaseUrl, bookingUrl, Optional.empty());
    }
  }

  /**
   * The team's CRM (Notion). Sync jobs retry {@code retries} times {@code retryDelay} apart, then
   * keep the contact out of sync and try again every {@code resyncInterval}. {@code propertyNames}
   * maps a default property name to the one the team uses.
   */
  public record Crm(
      String apiKey,
      String contactsDbId,
      Optional<String> templatesDbId,
      java.net.URI apiUrl,
      String version,
      double requestsPerSecond,
      Duration timeout,
      int retries,
      Duration retryDelay,
      Duration resyncInterval,
      Duration pollInterval,
      Duration templateTtl,
      java.util.Map<String, String> propertyNames) {
    @Override
    public String toString() {
      return "Crm[apiKey=***, contactsDbId=" + contactsDbId + ", apiUrl=" + apiUrl + "]";
    }
  }

  /**
   * How the durable scheduler polls and detects a dead node. {@code nodeName} names this node in
   * the scheduler's {@code picked_by}, on each email it sends ({@code sent_by}) and in PostgreSQL's
   * {@code application_name}; it must differ between nodes sharing a database.
   */
  public record Scheduler(
      Duration pollInterval,
      Duration heartbeat,
      int missedHeartbeats,
      int threads,
      String nodeName) {}

  /**
   * Text messages about CRITICAL leads through Twilio, to every number of {@code to} (E.164), each
   * a durable job retried {@code retries} times {@code retryDelay} apart, held back during {@code
   * quietHours} when set. Read by {@link OpsConfig}.
   */
  public record Sms(
      String accountSid,
      String authToken,
      String from,
      List<String> to,
      java.net.URI apiUrl,
      int retries,
      Duration retryDelay,
      Optional<QuietHours> quietHours,
      Duration timeout) {
    public Sms {
      to = List.copyOf(to);
    }

    /** Never prints the token; the numbers only by their last digits (settings reach logs). */
    @Override
    public String toString() {
      return "Sms[accountSid="
          + accountSid
          + ", authToken=***, to="
          + to.stream().map(OpsConfig::lastDigits).toList()
          + ", quietHours="
          + quietHours.map(QuietHours::toString).orElse("none")
          + "]";
    }
  }

  /**
   * The hours the team does not want a text, e.g. 22:00 to 07:00 in America/Toronto. A window whose
   * end is before its start runs over midnight; an empty one (start equals end) holds nothing back.
   */
  public record QuietHours(
      java.time.LocalTime start, java.time.LocalTime end, java.time.ZoneId zone) {
    /** When a text due at {@code now} may go out: {@code now} itself outside the window. */
    public java.time.Instant nextAllowed(java.time.Instant now) {
      java.time.ZonedDateTime local = now.atZone(zone);
      java.time.LocalTime t = local.toLocalTime();
      boolean overMidnight = end.isBefore(start);
      boolean inside =
          overMidnight
              ? !t.isBefore(start) || t.isBefore(end)
              : !t.isBefore(start) && t.isBefore(end);
      if (!inside) {
        return now;
      }
      java.time.LocalDate day =
          overMidnight && !t.isBefore(start)
              ? local.toLocalDate().plusDays(1)
              : local.toLocalDate();
      // atZone picks the later offset in a DST gap, so the end is never before the wall time.
      return day.atTime(end).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
      return start + "-" + end + " " + zone.getId();
    }
  }

  /**
   * Exception tracking: Sentry's DSN (its public key is a secret of sorts: never printed), the
   * environment and release events carry, and the share of requests traced.
   */
  public record Sentry(
      java.net.URI dsn, String environment, String release, double tracesSampleRate) {
    @Override
    public String toString() {
      return "Sentry[host="
          + dsn.getHost()
          + ", environment="
          + environment
          + ", release="
          + release
          + "]";
    }
  }
}
