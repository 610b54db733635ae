package ca.businessx.nurture.platform;

import ca.businessx.nurture.calendar.SendWindow;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the configuration from the environment, with an optional {@code .env} file beneath it. */
public final class ConfigLoader {
  /** Long enough that guessing it, even at thousands of tries a second, is hopeless. */
  static final int MIN_ADMIN_TOKEN = 32;

  private ConfigLoader() {}

  /** The process environment over the {@code .env} file of the working directory, if any. */
  public static Map<String, String> environment(Path workingDir) {
    Map<String, String> merged = new HashMap<>();
    if (Files.isRegularFile(workingDir.resolve(".env"))) {
      Dotenv dotenv =
          Dotenv.configure().directory(workingDir.toString()).ignoreIfMalformed().load();
      for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
        merged.put(entry.getKey(), entry.getValue());
      }
    }
    merged.putAll(System.getenv());
    return merged;
  }

  public static Config load(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    int port = r.integer("PORT", 8000, 0, 65535);
    boolean testing = r.bool("TESTING_MODE", false);
    Path dataDir = r.path("NURTURE_DATA_DIR", "./data");
    Optional<Path> configDir = r.string("NURTURE_CONFIG_DIR").map(Path::of);
    if (configDir.isEmpty() && Files.isDirectory(Path.of("config"))) {
      configDir = Optional.of(Path.of("config"));
    }
    configDir
        .filter(d -> !Files.isDirectory(d))
        .ifPresent(d -> r.problem("NURTURE_CONFIG_DIR is not a directory: " + d));

    Optional<String> dbUrl = r.string("NURTURE_DB_URL");
    dbUrl
        .filter(u -> !u.startsWith("jdbc:postgresql:") && !u.startsWith("jdbc:sqlite:"))
        .ifPresent(
            u -> r.problem("NURTURE_DB_URL must start with jdbc:postgresql: or jdbc:sqlite:"));
    String sqliteSync = r.string("NURTURE_SQLITE_SYNC", "FULL").toUpperCase(java.util.Locale.ROOT);
    if (!sqliteSync.equals("FULL") && !sqliteSync.equals("NORMAL")) {
      r.problem("NURTURE_SQLITE_SYNC must be FULL or NORMAL, got '" + sqliteSync + "'");
    }
    Config.Db db =
        new Config.Db(
            dbUrl, r.string("NURTURE_DB_USER"), r.string("NURTURE_DB_PASSWORD"), sqliteSync);

    Config.Sequence sequence =
        new Config.Sequence(
            r.durations("SEQUENCE_WAITS"),
            r.integer("RESEND_RETRIES", 3, 0, 100),
            r.duration("RESEND_RETRY_DELAY", Duration.ofSeconds(30)),
            r.integer("EMAIL_BATCH_SIZE", 100, 1, 100),
            r.duration("EMAIL_SEND_LEASE", Duration.ofSeconds(60)),
            r.duration("REENTRY_AFTER", Duration.ofDays(90)));

    Optional<Config.Resend> resend =
        r.string("RESEND_API_KEY")
            .map(
                key ->
                    new Config.Resend(
                        key,
                        r.uri("RESEND_API_URL")
                            .orElse(java.net.URI.create("https://api.resend.com")),
                        r.decimal("RESEND_RATE_LIMIT", 2.0, 0.1, 1000),
                        r.duration("RESEND_TIMEOUT", Duration.ofSeconds(15))));
    Optional<Config.Smtp> smtp =
        r.string("SMTP_HOST")
            .map(
                host ->
                    new Config.Smtp(
                        host,
                        r.integer("SMTP_PORT", 587, 1, 65535),
                        r.string("SMTP_USERNAME"),
                        r.string("SMTP_PASSWORD"),
                        r.bool("SMTP_TLS", true)));
    smtp.filter(s -> s.username().isPresent() && s.password().isEmpty())
        .ifPresent(s -> r.problem("SMTP_PASSWORD is required when SMTP_USERNAME is set"));
    Config.Mail mail =
        new Config.Mail(
            r.string("EMAIL_FROM", "BusinessX Canada <hello@businessx.ca>"),
            r.string("EMAIL_REPLY_TO"),
            resend,
            smtp);
    Config.Alerts alerts =
        new Config.Alerts(
            r.uri("DISCORD_WEBHOOK_URL"),
            r.integer("DISCORD_RETRIES", 2, 0, 100),
            r.duration("DISCORD_RETRY_DELAY", Duration.ofSeconds(30)));
    String baseUrl = r.string("PUBLIC_BASE_URL", "http://localhost:" + port);
    Config.Sender sender =
        new Config.Sender(
            r.string("SENDER_NAME", "BusinessX Canada"),
            r.string("SENDER_ADDRESS", "[set SENDER_ADDRESS: mailing address]"),
            r.string("SENDER_CONTACT", "[set SENDER_CONTACT: contact email or phone]"),
            baseUrl.replaceAll("/+$", ""),
            r.string("BOOKING_URL", "https://businessx.ca/book"),
            r.string("SENDER_PERSON"));

    Config.Scheduler scheduler =
        new Config.Scheduler(
            r.duration("SCHEDULER_POLL_INTERVAL", Duration.ofMillis(500)),
            r.duration("SCHEDULER_HEARTBEAT", Duration.ofSeconds(5)),
            r.integer("SCHEDULER_MISSED_HEARTBEATS", 4, 4, 100),
            r.integer("SCHEDULER_THREADS", 8, 1, 200),
            r.string("NURTURE_NODE_NAME").orElseGet(() -> defaultNodeName(r.string("HOSTNAME"))));

    Optional<Config.Crm> crm = crm(r);
    Config.Trust trust =
        new Config.Trust(
            r.string("WEBHOOK_SECRET"),
            r.decimal("WEBHOOK_RATE_LIMIT", 10, 0.1, 100_000),
            r.integer("WEBHOOK_RATE_BURST", 50, 1, 1_000_000),
            java.util.Arrays.stream(r.string("CORS_ORIGINS", "").split("\\s*,\\s*"))
                .filter(o -> !o.isBlank())
                .collect(java.util.stream.Collectors.toUnmodifiableSet()),
            trustedProxies(r),
            r.string("RESEND_WEBHOOK_SECRET"),
            r.string("NURTURE_SECRET"),
            bindAddress(r),
            r.duration("WEBHOOK_READ_TIMEOUT", Duration.ofSeconds(10)),
            r.integer("WEBHOOK_MAX_CONCURRENT", 64, 1, 10_000));
    if (trust.webhookReadTimeout().isZero()) {
      r.problem("WEBHOOK_READ_TIMEOUT must be longer than zero, e.g. PT10S");
    }
    if (resend.isPresent() || smtp.isPresent()) {
      for (String name :
          java.util.List.of("SENDER_NAME", "SENDER_ADDRESS", "SENDER_CONTACT", "PUBLIC_BASE_URL")) {
        if (r.string(name).isEmpty()) {
          r.problem(
              name
                  + " is required once a real email provider is configured (CASL: every email"
                  + " names its sender, a mailing address, a contact and a working unsubscribe link)");
        }
      }
    }

    boolean metricsPublic = r.bool("METRICS_PUBLIC", false);
    Optional<String> adminToken = r.string("ADMIN_TOKEN");
    if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN) {
      r.problem(
          "ADMIN_TOKEN must be at least "
              + MIN_ADMIN_TOKEN
              + " characters (it is "
              + adminToken.get().length()
              + "); make one with: openssl rand -hex 32");
    }

    Config.Locale locale = locale(r);
    waitsMatchTheSequence(r, configDir, sequence.waits());
    Optional<Config.Sms> sms = OpsConfig.sms(r);
    Optional<Config.Sentry> sentry = OpsConfig.sentry(r);
    Config.Engagement engagement =
        new Config.Engagement(
            r.decimal("HOT_LEAD_SCORE", 12, 0.1, 1_000_000),
            r.duration("HOT_LEAD_GRACE", Duration.ofHours(2)));

    Config.SendWindows sendWindows = sendWindows(r, testing, sequence.waits().isPresent());
    if (!r.problems().isEmpty()) {
      throw new ConfigException(r.problems());
    }
    return new Config(
        port,
        testing,
        dataDir,
        configDir,
        db,
        sequence,
        mail,
        alerts,
        sender,
        adminToken,
        scheduler,
        crm,
        trust,
        metricsPublic,
        new Config.Bookings(r.string("CALCOM_WEBHOOK_SECRET"), r.string("CALENDLY_WEBHOOK_SECRET")),
        new Config.AbTest(
            r.bool("AB_AUTO_PROMOTE", false),
            r.integer("AB_MIN_SAMPLE", 100, 10, 1_000_000),
            r.decimal("AB_SIGNIFICANCE", 0.05, 0.0001, 0.5)),
        locale,
        sms,
        sentry,
        engagement,
        sendWindows);
  }

  /**
   * SEND_WINDOW, default MON-FRI 09:00-17:00; off in the testing mode or with SEQUENCE_WAITS (a
   * minute's wait must not become a weekend's), unless set explicitly.
   */
  private static Config.SendWindows sendWindows(EnvReader r, boolean testing, boolean waits) {
    Optional<String> raw = r.string("SEND_WINDOW");
    if (raw.isEmpty()) {
      return new Config.SendWindows(
          testing || waits ? SendWindow.ALWAYS : SendWindow.parse("MON-FRI 09:00-17:00"));
    }
    try {
      return new Config.SendWindows(SendWindow.parse(raw.get()));
    } catch (IllegalArgumentException e) {
      r.problem("SEND_WINDOW " + e.getMessage() + ", got '" + raw.get() + "'");
      return new Config.SendWindows(SendWindow.ALWAYS);
    }
  }

  private static Config.Locale locale(EnvReader r) {
    String zone = r.string("DEFAULT_TIMEZONE", "America/Toronto");
    java.time.ZoneId defaultZone = java.time.ZoneId.of("America/Toronto");
    try {
      defaultZone = java.time.ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      r.problem(
          "DEFAULT_TIMEZONE must be an IANA time zone such as America/Toronto, got '" + zone + "'");
    }
    String language = languageCode(r, "DEFAULT_LANGUAGE", "en");
    String quebec = languageCode(r, "DEFAULT_LANGUAGE_QC", "fr");
    return new Config.Locale(defaultZone, language, quebec);
  }

  private static String languageCode(EnvReader r, String name, String fallback) {
    String code = r.string(name, fallback).trim().toLowerCase(java.util.Locale.ROOT);
    if (!code.equals("en") && !code.equals("fr")) {
      r.problem(name + " must be en or fr, got '" + code + "'");
      return fallback;
    }
    return code;
  }

  /**
   * TRUSTED_PROXIES: the CIDRs of our own proxies, loopback unless told. TRUST_FORWARDED_FOR is
   * refused rather than ignored, because it meant "believe the leftmost entry", which anyone can
   * write.
   */
  private static java.util.List<Cidr> trustedProxies(EnvReader r) {
    if (r.string("TRUST_FORWARDED_FOR").isPresent()) {
      r.problem(
          "TRUST_FORWARDED_FOR is no longer read: set TRUSTED_PROXIES to the CIDRs of your own"
              + " proxies (default 127.0.0.0/8,::1/128: a proxy on this machine) and remove it");
    }
    Optional<String> raw = r.string("TRUSTED_PROXIES");
    if (raw.isEmpty()) {
      return ClientAddress.LOOPBACK;
    }
    java.util.List<Cidr> blocks = new java.util.ArrayList<>();
    for (String part : raw.get().split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Cidr.parse(part)
          .ifPresentOrElse(
              blocks::add,
              () ->
                  r.problem(
                      "TRUSTED_PROXIES must be comma-separated CIDRs such as 10.0.0.0/8 or"
                          + " fd00::/8, got '"
                          + part.trim()
                          + "'"));
    }
    return java.util.List.copyOf(blocks);
  }

  private static String bindAddress(EnvReader r) {
    String address = r.string("BIND_ADDRESS", "0.0.0.0");
    if (IpAddresses.parse(address).isEmpty() || address.startsWith("[")) {
      r.problem(
          "BIND_ADDRESS must be an IP address such as 0.0.0.0, 127.0.0.1 or ::, got '"
              + address
              + "'");
    }
    return address;
  }

  /** This host's name and this process's id, distinct for every node on a shared database. */
  static String defaultNodeName(Optional<String> hostname) {
    String host =
        hostname.orElseGet(
            () -> {
              try {
                return java.net.InetAddress.getLocalHost().getHostName();
              } catch (java.io.IOException e) {
                return "localhost";
              }
            });
    return host + "-" + ProcessHandle.current().pid();
  }

  private static Optional<Config.Crm> crm(EnvReader r) {
    Optional<String> key = r.string("NOTION_API_KEY");
    Optional<String> contactsDb = r.string("NOTION_CONTACTS_DB_ID");
    if (key.isEmpty() && contactsDb.isEmpty()) {
      return Optional.empty();
    }
    if (key.isEmpty() || contactsDb.isEmpty()) {
      r.problem("NOTION_API_KEY and NOTION_CONTACTS_DB_ID must be set together");
      return Optional.empty();
    }
    String version = r.string("NOTION_VERSION", "2025-09-03");
    if (!version.equals("2025-09-03") && !version.equals("2022-06-28")) {
      r.problem("NOTION_VERSION must be 2025-09-03 or 2022-06-28, got '" + version + "'");
    }
    Map<String, String> names = new HashMap<>();
    r.string("NOTION_PROPERTIES")
        .ifPresent(
            list -> {
              for (String pair : list.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                  r.problem("NOTION_PROPERTIES must look like 'Email=E-mail,Segment=Lead Segment'");
                  return;
                }
                names.put(kv[0].trim(), kv[1].trim());
              }
            });
    return Optional.of(
        new Config.Crm(
            key.get(),
            contactsDb.get(),
            r.string("NOTION_TEMPLATES_DB_ID"),
            r.uri("NOTION_API_URL").orElse(java.net.URI.create("https://api.notion.com")),
            version,
            r.decimal("NOTION_RATE_LIMIT", 3.0, 0.1, 100),
            r.duration("NOTION_TIMEOUT", Duration.ofSeconds(10)),
            r.integer("NOTION_RETRIES", 3, 0, 100),
            r.duration("NOTION_RETRY_DELAY", Duration.ofSeconds(60)),
            r.duration("NOTION_RESYNC_INTERVAL", Duration.ofMinutes(15)),
            r.duration("NOTION_POLL_INTERVAL", Duration.ofMinutes(1)),
            r.duration("NOTION_TEMPLATE_TTL", Duration.ofMinutes(5)),
            Map.copyOf(names)));
  }

  /**
   * SEQUENCE_WAITS names one wait per gap between emails; a wrong count is a setting's problem,
   * reported with the others (exit 2), not later when the sequence is built. An unreadable
   * sequence.json is left to the sequence's own reading, which names what is wrong with it.
   */
  private static void waitsMatchTheSequence(
      EnvReader r, Optional<Path> configDir, Optional<List<Duration>> waits) {
    if (waits.isEmpty()) {
      return;
    }
    int steps;
    try {
      steps =
          Json.mapper()
              .readTree(new ConfigFiles(configDir).require("sequence.json").text())
              .path("steps")
              .size();
    } catch (Exception unreadable) {
      return;
    }
    if (steps > 0 && waits.get().size() != steps - 1) {
      r.problem(
          "SEQUENCE_WAITS needs "
              + (steps - 1)
              + " durations, one per wait between emails, got "
              + waits.get().size());
    }
  }
}
