package ca.businessx.nurture.email.resend;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.Await;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.ServiceProcess;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service, as its own process on the embedded database, mails 200 leads through the fake Resend
 * while it is killed with SIGKILL at random moments and started again. Every lead ends up with
 * exactly its five emails from the provider, in order, each step delivered once under one request
 * key. Run again with {@code -Dcrash.seed=<seed>} to repeat a run's kill moments.
 */
@Tag("slow")
class ResendCrashTest {
  private static final int LEADS = 200;
  private static final int KILLS = 5;
  @TempDir Path dir;

  @Test
  void sigkillAtRandomMomentsNeitherLosesNorRepeatsAnEmail() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("ResendCrashTest seed " + seed + " (repeat with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    String db = "jdbc:sqlite:" + dir.resolve("data/nurture.db");

    try (FakeResend fake = FakeResend.start().latency(Duration.ofMillis(20));
        ServiceProcess service = new ServiceProcess(dir, env(fake))) {
      service.start();
      CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> postLeads(service.http()));
      // Each kill lands at a random point of its own slice of the first 80% of the mailing, so they
      // hit work in progress whatever the machine's speed (a restart can take seconds, and emails
      // keep falling due meanwhile); a little random time on top spreads the instants.
      int total = LEADS * 5;
      int slice = total * 4 / 5 / KILLS;
      List<String> kills = new ArrayList<>();
      for (int kill = 0; kill < KILLS; kill++) {
        int after = kill * slice + random.nextInt(slice);
        long jitter = random.nextInt(250);
        await(() -> fake.deliveredCount() >= after, "delivery " + after + " (seed " + seed + ")");
        ServiceProcess.pause(jitter);
        int seen = fake.deliveredCount();
        service.kill();
        kills.add(seen + "+" + jitter + "ms");
        service.start();
      }
      posting.get();
      System.out.printf("killed %d times, at deliveries %s%n", KILLS, kills);
      await(
          () -> count(db, "select count(*) from enrollments where state = 'COMPLETED'") == LEADS,
          "every enrollment completing (seed " + seed + ")");
      service.close();

      List<DeliveredEmail> delivered = fake.delivered();
      System.out.println(summary(fake.requests(), delivered));
      assertExactlyOnceInOrder(delivered, seed);
      assertThat(count(db, "select count(*) from emails where state = 'SENT'"))
          .isEqualTo(LEADS * 5);
    }
  }

  private static Map<String, String> env(FakeResend fake) {
    // The fake has no rate limit here; the client paces generously so only the crashes are tested.
    Map<String, String> env = new HashMap<>(fake.fastServiceEnv(50));
    env.put("NURTURE_DATA_DIR", "data");
    return env;
  }

  /**
   * Signs up and assesses every lead, retrying each post until the service, dead or alive, answers.
   */
  private static void postLeads(Http http) {
    for (int i = 0; i < LEADS; i++) {
      String email = email(i);
      post(
          http,
          "/webhook/signup",
          "{\"email\":\"" + email + "\",\"first_name\":\"Lead" + i + "\"}");
      post(
          http,
          "/webhook/assessment",
          "{\"email\":\""
              + email
              + "\",\"red_systems\":"
              + red(i)
              + ",\"orange_systems\":"
              + orange(i)
              + ",\"yellow_systems\":1,\"green_systems\":1}");
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

  private static void assertExactlyOnceInOrder(List<DeliveredEmail> delivered, long seed) {
    Map<String, List<DeliveredEmail>> byStep =
        delivered.stream().collect(Collectors.groupingBy(DeliveredEmail::emailKey));
    assertThat(byStep.entrySet())
        .as("steps delivered more than once (seed %d)", seed)
        .filteredOn(e -> e.getValue().size() > 1)
        .isEmpty();
    Map<String, List<DeliveredEmail>> byLead =
        delivered.stream()
            .collect(
                Collectors.groupingBy(d -> d.to().get(0), LinkedHashMap::new, Collectors.toList()));
    assertThat(byLead).as("leads mailed (seed %d)", seed).hasSize(LEADS);
    for (int i = 0; i < LEADS; i++) {
      String second =
          switch (Segment.classify(red(i), orange(i))) {
            case CRITICAL -> "email_2a";
            case URGENT -> "email_2b";
            case OPTIMIZE -> "email_2c";
          };
      List<DeliveredEmail> mails = byLead.get(email(i));
      assertThat(mails).as("lead %d (seed %d)", i, seed).isNotNull();
      assertThat(mails.stream().map(d -> d.tags().get("template")))
          .as("templates of lead %d in delivery order (seed %d)", i, seed)
          .containsExactly("email_1", second, "email_3", "email_4", second.replace('2', '5'));
      String enrollment = mails.get(0).emailKey().replaceAll("-step-\\d+$", "");
      assertThat(mails.stream().map(DeliveredEmail::emailKey))
          .as("per-email keys of lead %d (seed %d)", i, seed)
          .containsExactly(
              enrollment + "-step-1",
              enrollment + "-step-2",
              enrollment + "-step-3",
              enrollment + "-step-4",
              enrollment + "-step-5");
    }
  }

  /** What the provider saw: requests by status, and replays (a key answered 200 more than once). */
  private static String summary(List<FakeResend.Request> requests, List<DeliveredEmail> delivered) {
    Map<Integer, Long> byStatus =
        requests.stream()
            .collect(Collectors.groupingBy(FakeResend.Request::status, Collectors.counting()));
    long replays =
        requests.stream()
            .filter(r -> r.status() == 200)
            .collect(
                Collectors.groupingBy(FakeResend.Request::idempotencyKey, Collectors.counting()))
            .values()
            .stream()
            .filter(n -> n > 1)
            .count();
    return "provider saw "
        + requests.size()
        + " requests "
        + byStatus
        + ", "
        + replays
        + " batch keys replayed, "
        + delivered.size()
        + " emails delivered";
  }

  private static String email(int i) {
    return "crash" + i + "@example.ca";
  }

  private static int red(int i) {
    return i % 3;
  }

  private static int orange(int i) {
    return i % 5 == 0 ? 2 : 0;
  }

  private static void await(Await.Check check, String what) throws Exception {
    Await.until(check, Duration.ofSeconds(90), what);
  }

  private static int count(String db, String sql) throws SQLException {
    return Await.count(db, null, sql);
  }
}
