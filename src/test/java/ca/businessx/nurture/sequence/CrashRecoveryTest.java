package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Await;
import ca.businessx.nurture.support.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service process is killed with SIGKILL twice mid-sequence and restarted on the same embedded
 * database; every lead still gets exactly its five emails, in order, and every sequence completes.
 */
@Tag("slow")
class CrashRecoveryTest {
  private static final int LEADS = 20;
  @TempDir Path dir;

  @Test
  void sigkillMidSequenceLosesAndRepeatsNothing() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("NURTURE_DATA_DIR", dir.resolve("data").toString());
    env.put("SEQUENCE_WAITS", "PT1S,PT1S,PT1S,PT1S");
    env.put("SCHEDULER_POLL_INTERVAL", "PT0.2S");
    env.put("SCHEDULER_HEARTBEAT", "PT0.5S");
    env.put("SCHEDULER_MISSED_HEARTBEATS", "4");
    env.put("EMAIL_SEND_LEASE", "PT2S");
    String db = "jdbc:sqlite:" + dir.resolve("data/nurture.db");

    ServiceProcess service = new ServiceProcess(dir, env).start();
    for (int i = 0; i < LEADS; i++) {
      String email = "lead" + i + "@example.ca";
      assertThat(
              service.http().postJson("/webhook/signup", "{\"email\":\"" + email + "\"}").status())
          .isEqualTo(201);
      String assessment =
          "{\"email\":\""
              + email
              + "\",\"red_systems\":"
              + (i % 3)
              + ",\"orange_systems\":0,\"yellow_systems\":1,\"green_systems\":1}";
      assertThat(service.http().postJson("/webhook/assessment", assessment).status())
          .isEqualTo(200);
    }
    awaitOutbox(db, 25);
    service.kill();
    service.start();
    awaitOutbox(db, 60);
    service.kill();
    service.start();
    awaitCompleted(db);
    service.close();

    assertThat(count(db, "select count(*) from outbox")).isEqualTo(LEADS * 5);
    assertThat(count(db, "select count(*) from emails where state = 'SENT'")).isEqualTo(LEADS * 5);
    for (int i = 0; i < LEADS; i++) {
      String second =
          switch (i % 3) {
            case 0 -> "email_2c";
            case 1 -> "email_2b";
            default -> "email_2a";
          };
      String fifth = second.replace("2", "5");
      assertThat(templates(db, "lead" + i + "@example.ca"))
          .as("lead %d", i)
          .containsExactly("email_1", second, "email_3", "email_4", fifth);
    }
  }

  private static void awaitOutbox(String db, int atLeast) throws Exception {
    await(() -> count(db, "select count(*) from outbox") >= atLeast, "outbox reaching " + atLeast);
  }

  private static void awaitCompleted(String db) throws Exception {
    await(
        () -> count(db, "select count(*) from enrollments where state = 'COMPLETED'") == LEADS,
        "every enrollment completing");
  }

  private static void await(Await.Check check, String what) throws Exception {
    Await.until(check, Duration.ofSeconds(90), what);
  }

  private static int count(String db, String sql) throws SQLException {
    return Await.count(db, null, sql);
  }

  private static List<String> templates(String db, String email) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db);
        var ps =
            c.prepareStatement(
                "select e.template_key from emails e join contacts c on c.id = e.contact_id"
                    + " where c.email = ? and e.state = 'SENT' order by e.step")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    }
    List<String> outbox = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db);
        var ps =
            c.prepareStatement(
                "select template_key from outbox where recipient = ? order by recorded_at")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          outbox.add(rs.getString(1));
        }
      }
    }
    assertThat(outbox).as("outbox of %s", email).isEqualTo(keys);
    return keys;
  }
}
