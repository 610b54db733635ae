package ca.businessx.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One block at start answers a new user's questions: what runs, on which data, where to look. */
class StartupBannerTest {
  @TempDir Path dir;

  @Test
  void theBlockNamesVersionDatabaseSenderAlertsCrmWaitsAndConsole() {
    StartupBanner b =
        new StartupBanner(
            "n1",
            "all",
            "sqlite /srv/data/nurture.db",
            "outbox",
            "log",
            "none",
            List.of(Duration.ZERO, Duration.ofHours(24)),
            Duration.ofMillis(500),
            false);
    assertThat(String.join("\n", b.lines("0.1.0", 8000)))
        .contains("Nurture 0.1.0 (all, node n1) listening on port 8000")
        .contains("database  sqlite /srv/data/nurture.db")
        .contains("email     outbox", "alerts    log", "CRM       none")
        .contains("waits     0s, 24h (the scheduler looks every 0.5s)")
        .contains("console   http://localhost:8000/console (this machine only");
  }

  @Test
  void aNodeTellsWhereItsDataLives() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      assertThat(t.app.startup().database())
          .isEqualTo("sqlite " + dir.resolve("nurture.db").toAbsolutePath());
      assertThat(t.app.startup().lines("0.1.0", t.app.port()))
          .anyMatch(l -> l.contains("console   http://localhost:" + t.app.port() + "/console"));
    }
  }
}
