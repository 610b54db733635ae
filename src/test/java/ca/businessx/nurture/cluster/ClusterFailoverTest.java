package ca.businessx.nurture.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.email.resend.DeliveredEmail;
import ca.businessx.nurture.email.resend.FakeResend;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.Await;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.ServiceProcess;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one PostgreSQL database: a web node takes 1,000 leads, two worker nodes mail them
 * through the fake Resend, and one worker is SIGKILLed about halfway. Every lead still gets exactly
 * its five emails in order, no email is delivered twice, and both workers sent some.
 */
@Tag("slow")
class ClusterFailoverTest {
  private static final int LEADS = 1_000;
  @TempDir Path dir;

  @Test
  void twoWorkersShareTheMailingAndASurvivorFinishesTheDeadOnesWork() throws Exception {
    Map<String, String> env = new HashMap<>(TestDatabases.env(TestDatabases.Kind.POSTGRESQL));
    String url = env.get("NURTURE_DB_URL");
    try (FakeResend fake = FakeResend.start()) {
      env.putAll(fake.fastServiceEnv(500));
      ServiceProcess web = node("web", env, "--role=web");
      ServiceProcess workerA = node("worker-a", env, "--role=worker");
      ServiceProcess workerB = node("worker-b", env, "--role=worker");
      try (web;
          workerA;
          workerB;
          LogsKept kept = new LogsKept(dir)) {
        web.start();
        System.out.printf("%s web node up%n", Instant.now());
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
          Future<?> a = pool.submit(workerA::start);
          Future<?> b = pool.submit(workerB::start);
          a.get();
          b.get();
          Http http = web.http();
          List<Future<?>> posts =
              IntStream.range(0, LEADS)
                  .<Future<?>>mapToObj(i -> pool.submit(() -> postLead(http, i)))
                  .toList();
          for (Future<?> post : posts) {
            post.get();
          }
          System.out.printf(
              "%s leads posted, %d emails delivered%n", Instant.now(), fake.delivered().size());
        }
        await(() -> fake.delivered().size() >= LEADS * 5 / 2, "half the emails delivered");
        System.out.printf("%s half delivered%n", Instant.now());
        workerA.kill();
        int atKill = fake.delivered().size();
        await(
            () -> count(url, "select count(*) from enrollments where state = 'COMPLETED'") == LEADS,
            "every enrollment completing after the kill at " + atKill + " deliveries");
        System.out.printf(
            "%s all completed; worker-a was killed at %d deliveries%n", Instant.now(), atKill);
      }

      assertExactlyOnceInOrder(fake.delivered());
      assertThat(count(url, "select count(*) from emails where state = 'SENT'"))
          .isEqualTo(LEADS * 5);
      Map<String, Integer> byNode = sentByNode(url);
      System.out.printf("sent by node: %s%n", byNode);
      assertThat(byNode.keySet()).containsExactlyInAnyOrder("worker-a", "worker-b");
      assertThat(byNode.values()).allSatisfy(n -> assertThat(n).isPositive());
    }
  }

  /** Keeps each node's log in target/cluster-logs, so a failed run can be read afterwards. */
  private record LogsKept(Path dir) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      Path out = Files.createDirectories(Path.of("target", "cluster-logs"));
      try (var nodes = Files.list(dir)) {
        for (Path node : nodes.toList()) {
          Path log = node.resolve("service.log");
          if (Files.exists(log)) {
            Files.copy(
                log,
                out.resolve(node.getFileName() + ".log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private ServiceProcess node(String name, Map<String, String> env, String role) throws Exception {
    Path work = Files.createDirectories(dir.resolve(name));
    Map<String, String> own = new HashMap<>(env);
    own.put("NURTURE_NODE_NAME", name);
    return new ServiceProcess(work, own).args(role);
  }

  private static String email(int i) {
    return "lead" + i + "@example.ca";
  }

  private static int red(int i) {
    return i % 3;
  }

  private static void postLead(Http http, int i) {
    Http.Response signup = http.postJson("/webhook/signup", "{\"email\":\"" + email(i) + "\"}");
    assertThat(signup.status()).as("signup %d: %s", i, signup.body()).isEqualTo(201);
    Http.Response assessment =
        http.postJson(
            "/webhook/assessment",
            "{\"email\":\""
                + email(i)
                + "\",\"red_systems\":"
                + red(i)
                + ",\"orange_systems\":0,\"yellow_systems\":1,\"green_systems\":1}");
    assertThat(assessment.status()).as("assessment %d: %s", i, assessment.body()).isEqualTo(200);
  }

  private static void assertExactlyOnceInOrder(List<DeliveredEmail> delivered) {
    Map<String, Long> perKey =
        delivered.stream()
            .collect(Collectors.groupingBy(DeliveredEmail::emailKey, Collectors.counting()));
    assertThat(perKey)
        .as("email keys delivered more than once")
        .allSatisfy((key, n) -> assertThat(n).isOne());
    Map<String, List<DeliveredEmail>> byLead =
        delivered.stream().collect(Collectors.groupingBy(d -> d.to().get(0)));
    assertThat(byLead).hasSize(LEADS);
    for (int i = 0; i < LEADS; i++) {
      String second =
          switch (Segment.classify(red(i), 0)) {
            case CRITICAL -> "email_2a";
            case URGENT -> "email_2b";
            case OPTIMIZE -> "email_2c";
          };
      assertThat(byLead.get(email(i)).stream().map(d -> d.tags().get("template")))
          .as("templates of lead %d in delivery order", i)
          .containsExactly("email_1", second, "email_3", "email_4", second.replace('2', '5'));
    }
  }

  private static Map<String, Integer> sentByNode(String url) throws SQLException {
    Map<String, Integer> byNode = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select sent_by, count(*) from emails where state = 'SENT' group by sent_by")) {
      while (rs.next()) {
        byNode.put(rs.getString(1), rs.getInt(2));
      }
    }
    return byNode;
  }

  private static void await(Await.Check check, String what) throws Exception {
    Await.until(check, Duration.ofSeconds(120), what);
  }

  private static int count(String url, String sql) throws SQLException {
    return Await.count(url, TestDatabases.PG_USER, sql);
  }
}
