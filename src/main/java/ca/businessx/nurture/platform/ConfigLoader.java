package ca.businessx.nurture.platform;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the configuration from the environment, with an optional {@code .env} file beneath it. */
public final class ConfigLoader {
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
    configDir.filter(d -> !Files.isDirectory(d))
        .ifPresent(d -> r.problem("NURTURE_CONFIG_DIR is not a directory: " + d));

    Optional<String> dbUrl = r.string("NURTURE_DB_URL");
    dbUrl.filter(u -> !u.startsWith("jdbc:postgresql:") && !u.startsWith("jdbc:sqlite:"))
        .ifPresent(u -> r.problem("NURTURE_DB_URL must start with jdbc:postgresql: or jdbc:sqlite:"));
    Config.Db db =
        new Config.Db(dbUrl, r.string("NURTURE_DB_USER"), r.string("NURTURE_DB_PASSWORD"));

    Config.Sequence sequence =
        new Config.Sequence(
            r.durations("SEQUENCE_WAITS"),
            r.integer("EMAIL_RETRIES", 3, 0, 100),
            r.duration("EMAIL_RETRY_DELAY", Duration.ofSeconds(30)));

    Config.Mail mail =
        new Config.Mail(
            r.string("EMAIL_FROM", "BusinessX Canada <hello@businessx.ca>"),
            r.string("EMAIL_REPLY_TO"));
    String baseUrl = r.string("PUBLIC_BASE_URL", "http://localhost:" + port);
    Config.Sender sender =
        new Config.Sender(
            r.string("SENDER_NAME", "BusinessX Canada"),
            r.string("SENDER_ADDRESS", "[set SENDER_ADDRESS: mailing address]"),
            r.string("SENDER_CONTACT", "[set SENDER_CONTACT: contact email or phone]"),
            baseUrl.replaceAll("/+$", ""),
            r.string("BOOKING_URL", "https://businessx.ca/book"));

    Config.Scheduler scheduler =
        new Config.Scheduler(
            r.duration("SCHEDULER_POLL_INTERVAL", Duration.ofMillis(500)),
            r.duration("SCHEDULER_HEARTBEAT", Duration.ofSeconds(5)),
            r.integer("SCHEDULER_MISSED_HEARTBEATS", 4, 4, 100),
            r.integer("SCHEDULER_THREADS", 8, 1, 200));

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
        sender,
        r.string("ADMIN_TOKEN"),
        scheduler,
        r.bool("METRICS_PUBLIC", false));
  }
}
