package ca.businessx.nurture.email.resend;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand first emails fall due at the same instant while the provider allows two requests per
 * second and answers 429 beyond that: they leave in batches of 100, paced, without a single 429.
 */
class ResendBurstTest {
  private static final int LEADS = 1_000;
  @TempDir Path dir;

  static Map<String, String> env(FakeResend fake) {
    Map<String, String> env = new java.util.HashMap<>(ResendFixtures.SENDER_IDENTITY);
    env.put("RESEND_API_KEY", FakeResend.API_KEY);
    env.put("RESEND_API_URL", fake.baseUri().toString());
    env.put("RESEND_RATE_LIMIT", "2");
    env.put("EMAIL_FROM", ResendFixtures.FROM);
    return env;
  }

  @Test
  void aThousandDueEmailsLeaveInPacedBatchesWithoutA429() throws Exception {
    try (FakeResend fake = FakeResend.start().rateLimit(2);
        TestApp app = new TestApp(dir, TestDatabases.Kind.SQLITE, env(fake))) {
      enroll(app);

      long started = System.nanoTime();
      for (int poll = 0; poll < 100 && fake.delivered().size() < LEADS; poll++) {
        app.sendDue();
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      List<FakeResend.Request> requests = fake.requests();
      assertThat(fake.tooManyRequestsCount()).as("429s among %s", timeline(requests)).isZero();
      assertThat(requests)
          .allSatisfy(
              r -> {
                assertThat(r.path()).isEqualTo("/emails/batch");
                assertThat(r.status()).isEqualTo(200);
              });
      assertThat(requests).hasSizeBetween(10, 12);
      List<DeliveredEmail> delivered = fake.delivered();
      assertThat(delivered).hasSize(LEADS);
      assertThat(delivered.stream().map(DeliveredEmail::emailKey).distinct()).hasSize(LEADS);
      assertThat(delivered.stream().flatMap(d -> d.to().stream()).distinct()).hasSize(LEADS);
      int sent =
          app.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from emails where state = 'SENT' and step = 1")
                          .mapTo(Integer.class)
                          .one());
      assertThat(sent).isEqualTo(LEADS);
      System.out.printf(
          "burst: %d emails in %d requests, %.1f s, no 429%n",
          delivered.size(), requests.size(), seconds);
    }
  }

  /** Each request as path, status and milliseconds after the first one. */
  private static List<String> timeline(List<FakeResend.Request> requests) {
    long first = requests.isEmpty() ? 0 : requests.get(0).arrivalNanos();
    return requests.stream()
        .map(
            r -> r.path() + " " + r.status() + " +" + (r.arrivalNanos() - first) / 1_000_000 + "ms")
        .toList();
  }

  /**
   * Signs up and assesses every lead at the same instant of the test clock, a few posts at a time.
   */
  private static void enroll(TestApp app) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> posts =
          IntStream.range(0, LEADS)
              .<Future<?>>mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            String email = "burst" + i + "@example.ca";
                            app.signup(email, "Lead" + i);
                            assertThat(app.assess(email, i % 3, 0).status()).isEqualTo(200);
                          }))
              .toList();
      for (Future<?> post : posts) {
        post.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
