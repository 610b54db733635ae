package ca.businessx.nurture.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Await;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.ServiceProcess;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks on the embedded database share commits when they arrive together (group commit). The
 * service is SIGKILLed in the middle of a burst of concurrent signups and assessments: every one
 * that was answered 2xx is in the database afterwards, and nothing is half-written (each stored
 * contact has its signup on the timeline, each enrollment its durable step task).
 */
@Tag("slow")
class IntakeCrashTest {
  private static final int CLIENTS = 16;
  @TempDir Path dir;

  @Test
  void everyAnsweredWebhookSurvivesASigkillMidBurst() throws Exception {
    ServiceProcess service =
        new ServiceProcess(dir, Map.of("NURTURE_DATA_DIR", dir.resolve("data").toString()))
            .args("--role=web")
            .start();
    Http http = service.http();
    Set<String> signedUp = ConcurrentHashMap.newKeySet();
    Set<String> assessed = ConcurrentHashMap.newKeySet();
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.submit(
            () -> {
              try {
                for (int n = 0; ; n++) {
                  String email = "c" + client + "-" + n + "@burst.example";
                  if (http.postJson("/webhook/signup", "{\"email\":\"" + email + "\"}").status()
                      == 201) {
                    signedUp.add(email);
                  }
                  String assessment =
                      "{\"email\":\""
                          + email
                          + "\",\"red_systems\":"
                          + (n % 3)
                          + ",\"orange_systems\":1,\"yellow_systems\":0,\"green_systems\":2}";
                  if (http.postJson("/webhook/assessment", assessment).status() == 200) {
                    assessed.add(email);
                  }
                }
              } catch (UncheckedIOException killed) {
                return null;
              }
            });
      }
      Await.until(() -> assessed.size() >= 300, Duration.ofSeconds(60), "300 answered assessments");
      service.kill();
    }

    String db = "jdbc:sqlite:" + dir.resolve("data/nurture.db");
    assertThat(emails(db, "select email from contacts")).containsAll(signedUp);
    assertThat(
            emails(db, "select c.email from enrollments e join contacts c on c.id = e.contact_id"))
        .containsAll(assessed);
    assertThat(
            count(
                db,
                "select count(*) from contacts c where not exists"
                    + " (select 1 from events v where v.contact_id = c.id and v.kind = 'signed_up')"))
        .isZero();
    assertThat(
            count(
                db,
                "select count(*) from enrollments where state = 'ACTIVE' and next_due_at is null"))
        .isZero();
    assertThat(count(db, "select count(*) from contacts")).isGreaterThanOrEqualTo(signedUp.size());
  }

  private static Set<String> emails(String db, String sql) throws SQLException {
    Set<String> found = new HashSet<>();
    try (Connection c = DriverManager.getConnection(db);
        var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  private static int count(String db, String sql) throws SQLException {
    return Await.count(db, null, sql);
  }
}
