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
    Sender sender,
    Optional<String> adminToken,
    Scheduler scheduler,
    boolean metricsPublic) {

  /** JDBC settings; an empty url means the embedded SQLite database under the data dir. */
  public record Db(Optional<String> url, Optional<String> user, Optional<String> password) {
    public boolean embedded() {
      return url.isEmpty();
    }
  }

  /** Overrides of the sequence's waits, and how failed sends are retried. */
  public record Sequence(Optional<List<Duration>> waits, int sendRetries, Duration sendRetryDelay) {}

  public record Mail(String from, Optional<String> replyTo) {}

  /** Who the emails come from, shown in every footer (CASL identification), and where links point. */
  public record Sender(
      String name, String address, String contact, String publicBaseUrl, String bookingUrl) {}

  /** How the durable scheduler polls and detects a dead node. */
  public record Scheduler(
      Duration pollInterval, Duration heartbeat, int missedHeartbeats, int threads) {}
}
