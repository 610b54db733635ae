package ca.businessx.nurture.support;

import ca.businessx.nurture.App;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigLoader;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * The whole service on a random port with a manual scheduler and a settable clock: a test posts
 * webhooks, moves time, and runs whatever fell due, with no sleeping.
 */
public final class TestApp implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

  public final TestClock clock = new TestClock(START);
  public final App app;
  public final Http http;
  private final String webhookSecret;

  public TestApp(Path dataDir, TestDatabases.Kind kind, Map<String, String> extraEnv) {
    this(dataDir, kind, extraEnv, b -> b);
  }

  public TestApp(
      Path dataDir,
      TestDatabases.Kind kind,
      Map<String, String> extraEnv,
      UnaryOperator<App.Builder> custom) {
    Map<String, String> env = new HashMap<>(TestDatabases.env(kind));
    env.put("PORT", "0");
    // Tests post in bursts from one address; the rate limit has its own test.
    env.put("WEBHOOK_RATE_LIMIT", "100000");
    env.put("WEBHOOK_RATE_BURST", "100000");
    env.put("NURTURE_DATA_DIR", dataDir.toString());
    // Tests step time by hand across nights and weekends: the send window is theirs to ask for.
    env.put("SEND_WINDOW", "always");
    env.putAll(extraEnv);
    Config config = ConfigLoader.load(env);
    this.app =
        custom
            .apply(
                App.builder(config)
                    .clock(clock)
                    .schedulers(ManualSchedulers.on(clock.settable()))
                    .sendByHand())
            .start();
    this.http = new Http(app.port());
    this.webhookSecret = env.get("WEBHOOK_SECRET");
  }

  public ManualScheduler scheduler() {
    return (ManualScheduler) app.scheduler();
  }

  public Jdbi jdbi() {
    return app.database().jdbi();
  }

  public ManualScheduler integrations() {
    return (ManualScheduler) app.integrationScheduler();
  }

  /** Sends every email due now, then runs whatever else is due on the scheduler. */
  public void runDue() {
    sendDue();
    integrations().runAnyDueExecutions();
  }

  /** Sends every email due now, batch after batch, as the send loop would. */
  public void sendDue() {
    app.sendLoop().runDue();
  }

  /** Moves time forward in steps, running what falls due at each one. */
  public void advance(Duration total, Duration step) {
    runDue();
    for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
      clock.tick(step);
      runDue();
    }
  }

  /** Posts JSON to a webhook, signed like the website signs when WEBHOOK_SECRET is set. */
  public Http.Response postWebhook(String path, String json) {
    if (webhookSecret == null) {
      return http.postJson(path, json);
    }
    long ts = clock.instant().getEpochSecond();
    return http.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", "application/json")
            .header("X-Nurture-Timestamp", String.valueOf(ts))
            .header("X-Nurture-Signature", Signing.nurture(webhookSecret, ts, json))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public String signup(String email, String firstName) {
    String body =
        "{\"email\":\""
            + email
            + "\",\"name\":\""
            + firstName
            + " Tremblay\",\"first_name\":\""
            + firstName
            + "\",\"business_name\":\"Tremblay Plumbing\"}";
    Http.Response r = postWebhook("/webhook/signup", body);
    if (r.status() / 100 != 2) {
      throw new AssertionError("signup failed: " + r);
    }
    return r.json().get("contact_id").asText();
  }

  public Http.Response assess(String email, int red, int orange) {
    return postWebhook(
        "/webhook/assessment",
        "{\"email\":\""
            + email
            + "\",\"red_systems\":"
            + red
            + ",\"orange_systems\":"
            + orange
            + ",\"yellow_systems\":2,\"green_systems\":3,\"assessment_score\":61.5}");
  }

  /** The templates the outbox holds for a recipient, oldest first. */
  public List<String> outboxTemplates(String email) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select template_key from outbox where recipient = :r order by recorded_at, template_key")
                    .bind("r", email)
                    .mapTo(String.class)
                    .list());
  }

  @Override
  public void close() {
    app.close();
  }
}
