package ca.businessx.nurture.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Await;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.ServiceProcess;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service, as its own process, mails leads through a real SMTP server (GreenMail) while it is
 * killed with SIGKILL in the middle of sending and started again. SMTP has no idempotency key, so
 * the promise is weaker than Resend's: every lead gets each of its five emails, and each kill
 * repeats at most one email (the one accepted in the instant before its record committed). Run
 * again with {@code -Dcrash.seed=<seed>} to repeat a run's kill moments.
 */
class SmtpCrashTest {
  private static final int LEADS = 40;
  private static final int KILLS = 3;
  @TempDir Path dir;

  @Test
  void sigkillMidSendingLosesNoEmailAndRepeatsAtMostOnePerKill() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("SmtpCrashTest seed " + seed + " (repeat with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    String db = "jdbc:sqlite:" + dir.resolve("data/nurture.db");
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (ServiceProcess service = new ServiceProcess(dir, env(smtp.getSmtp().getPort()))) {
      service.startWithin(Duration.ofSeconds(120));
      // All leads first: restarts on a busy machine take long, and posts are not what is tested.
      postLeads(service.http());
      int total = LEADS * 5;
      int slice = total * 4 / 5 / KILLS;
      List<String> kills = new ArrayList<>();
      for (int kill = 0; kill < KILLS; kill++) {
        int after = kill * slice + random.nextInt(slice);
        await(() -> received(smtp) >= after, "delivery " + after + " (seed " + seed + ")");
        // Kill right after a delivery is seen, so the kill lands while a group is being sent.
        int seen = received(smtp);
        await(() -> received(smtp) > seen, "the next delivery (seed " + seed + ")");
        service.kill();
        kills.add(Integer.toString(received(smtp)));
        service.startWithin(Duration.ofSeconds(120));
      }
      await(
          () -> count(db, "select count(*) from enrollments where state = 'COMPLETED'") == LEADS,
          "every enrollment completing (seed " + seed + ")");
      service.close();
      System.out.printf("killed %d times, at deliveries %s%n", KILLS, kills);

      Map<String, List<MimeMessage>> byMessageId = new HashMap<>();
      Map<String, java.util.Set<String>> idsByLead = new HashMap<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        byMessageId.computeIfAbsent(m.getMessageID(), k -> new ArrayList<>()).add(m);
        idsByLead
            .computeIfAbsent(m.getAllRecipients()[0].toString(), k -> new java.util.HashSet<>())
            .add(m.getMessageID());
      }
      int repeats = byMessageId.values().stream().mapToInt(l -> l.size() - 1).sum();
      System.out.println(
          "SMTP received "
              + smtp.getReceivedMessages().length
              + " messages, "
              + byMessageId.size()
              + " distinct, "
              + repeats
              + " repeated");
      assertThat(idsByLead).as("leads mailed (seed %d)", seed).hasSize(LEADS);
      assertThat(idsByLead.values().stream().map(java.util.Set::size).collect(Collectors.toSet()))
          .as("distinct emails per lead (seed %d)", seed)
          .containsExactly(5);
      assertThat(repeats)
          .as("emails repeated by %d kills (seed %d)", KILLS, seed)
          .isLessThanOrEqualTo(KILLS);
      assertThat(count(db, "select count(*) from emails where state = 'SENT'"))
          .isEqualTo(LEADS * 5);
    } catch (RuntimeException | Error e) {
      java.nio.file.Path log = dir.resolve("service.log");
      if (java.nio.file.Files.exists(log)) {
        System.out.println(java.nio.file.Files.readString(log));
      }
      throw e;
    } finally {
      smtp.stop();
    }
  }

  private static int received(GreenMail smtp) {
    return smtp.getReceivedMessages().length;
  }

  private static Map<String, String> env(int port) {
    Map<String, String> env = new HashMap<>();
    env.put("NURTURE_DATA_DIR", "data");
    env.put("SEQUENCE_WAITS", "PT1S,PT1S,PT1S,PT1S");
    env.put("SCHEDULER_POLL_INTERVAL", "PT0.2S");
    env.put("SCHEDULER_HEARTBEAT", "PT0.5S");
    env.put("SCHEDULER_MISSED_HEARTBEATS", "4");
    env.put("EMAIL_SEND_LEASE", "PT2S");
    env.put("RESEND_RETRY_DELAY", "PT1S");
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(port));
    env.put("SMTP_TLS", "false");
    env.put("EMAIL_FROM", "Nurture <hello@nurture.test>");
    env.put("SENDER_NAME", "BusinessX Canada");
    env.put("SENDER_ADDRESS", "1 Main St, Moncton NB E1C 1A1");
    env.put("SENDER_CONTACT", "hello@businessx.ca");
    env.put("PUBLIC_BASE_URL", "https://nurture.example");
    return env;
  }

  private static void postLeads(Http http) {
    for (int i = 0; i < LEADS; i++) {
      String email = "smtpcrash" + i + "@example.ca";
      post(http, "/webhook/signup", "{\"email\":\"" + email + "\",\"first_name\":\"Lead\"}");
      post(
          http,
          "/webhook/assessment",
          "{\"email\":\""
              + email
              + "\",\"red_systems\":"
              + (i % 3)
              + ",\"orange_systems\":0,\"yellow_systems\":1,\"green_systems\":1}");
    }
  }

  private static void post(Http http, String path, String body) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      try {
        Http.Response r = http.postJson(path, body);
        if (r.status() / 100 == 2) {
          return;
        }
        throw new AssertionError(path + " answered " + r);
      } catch (RuntimeException down) {
        if (Instant.now().isAfter(deadline)) {
          throw down;
        }
        ServiceProcess.pause(50);
      }
    }
  }

  private static void await(Await.Check check, String what) throws Exception {
    Await.until(check, Duration.ofSeconds(120), what);
  }

  private static int count(String db, String sql) throws SQLException {
    return Await.count(db, null, sql);
  }
}
