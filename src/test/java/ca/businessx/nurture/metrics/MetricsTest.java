package ca.businessx.nurture.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
  @TempDir Path dir;

  @Test
  void aSignupAnAssessmentAndASendMoveTheirCounters() {
    FlakySender sender = new FlakySender().refuse("bad@example.ca");
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of(), b -> b.emailSender(sender))) {
      String before = t.http.get("/metrics").body();
      assertThat(
              value(before, "nurture_webhooks_received_total{kind=\"signup\",outcome=\"created\"}"))
          .isZero();
      assertThat(
              value(before, "nurture_emails_sent_total{provider=\"resend\",template=\"email_5c\"}"))
          .as("every template and provider exists from start")
          .isZero();
      assertThat(value(before, "nurture_assessments_total{segment=\"CRITICAL\"}")).isZero();

      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 2, 0);
      t.signup("bad@example.ca", "Bad");
      t.assess("bad@example.ca", 0, 0);
      t.http.postJson(
          "/webhook/assessment",
          "{\"email\":\"nobody@example.ca\",\"red_systems\":0,"
              + "\"orange_systems\":0,\"yellow_systems\":0,\"green_systems\":0}");
      t.http.postJson("/webhook/signup", "{\"email\":\"not-an-email\"}");
      String due = t.http.get("/metrics").body();
      assertThat(value(due, "nurture_scheduler_due_executions"))
          .as("two sequence steps, one alert, and the recurring parked-email check")
          .isEqualTo(4);
      t.clock.tick(Duration.ofSeconds(90));
      assertThat(value(t.http.get("/metrics").body(), "nurture_scheduler_due_lag_seconds"))
          .isEqualTo(90);
      // A batch moves its other members' wake-ups to now; the next pass lets them finish.
      t.runDue();
      t.runDue();
      // A batch woke the other enrollment's step at once; it runs on the next pass.
      t.runDue();

      String after = t.http.get("/metrics").body();
      assertThat(
              value(after, "nurture_webhooks_received_total{kind=\"signup\",outcome=\"created\"}"))
          .isEqualTo(2);
      assertThat(
              value(after, "nurture_webhooks_received_total{kind=\"signup\",outcome=\"invalid\"}"))
          .isEqualTo(1);
      assertThat(
              value(
                  after,
                  "nurture_webhooks_received_total{kind=\"assessment\",outcome=\"accepted\"}"))
          .isEqualTo(2);
      assertThat(
              value(
                  after,
                  "nurture_webhooks_received_total{kind=\"assessment\",outcome=\"unknown_contact\"}"))
          .isEqualTo(1);
      assertThat(value(after, "nurture_contacts_added_total")).isEqualTo(2);
      assertThat(value(after, "nurture_assessments_total{segment=\"CRITICAL\"}")).isEqualTo(1);
      assertThat(value(after, "nurture_assessments_total{segment=\"OPTIMIZE\"}")).isEqualTo(1);
      assertThat(value(after, "nurture_contacts_segment{segment=\"CRITICAL\"}")).isEqualTo(1);
      assertThat(
              value(after, "nurture_emails_sent_total{provider=\"resend\",template=\"email_1\"}"))
          .isEqualTo(1);
      assertThat(
              value(after, "nurture_emails_failed_total{provider=\"resend\",template=\"email_1\"}"))
          .isEqualTo(1);
      assertThat(
              value(after, "nurture_emails_parked_total{provider=\"resend\",template=\"email_1\"}"))
          .isEqualTo(1);
      assertThat(
              value(
                  after,
                  "nurture_provider_calls_seconds_count{kind=\"email\",outcome=\"ok\",provider=\"resend\"}"))
          .isEqualTo(1);
      assertThat(
              value(
                  after,
                  "nurture_provider_calls_seconds_count{kind=\"email\",outcome=\"permanent_error\",provider=\"resend\"}"))
          .isEqualTo(1);
      assertThat(
              value(
                  after,
                  "nurture_provider_calls_seconds_count{kind=\"alert\",outcome=\"ok\",provider=\"log\"}"))
          .as("the CRITICAL alert, and the summary of the parked email")
          .isEqualTo(2);
      assertThat(value(after, "nurture_scheduler_due_executions")).isZero();
      assertThat(value(after, "nurture_template_fallbacks_total{template=\"email_2a\"}")).isZero();
      assertThat(after)
          .contains(
              "jvm_memory_used_bytes",
              "http_server_requests_seconds_count{method=\"POST\","
                  + "route=\"/webhook/signup\",status=\"201\"}");
    }
  }

  @Test
  void metricsFollowTheAdminRuleUnlessPublic() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("ADMIN_TOKEN", "tok-abcdef-metrics-test-admin-token-0123"))) {
      assertThat(t.http.get("/metrics").status()).isEqualTo(401);
      assertThat(
              new Http(t.app.port())
                  .bearer("tok-abcdef-metrics-test-admin-token-0123")
                  .get("/metrics")
                  .status())
          .isEqualTo(200);
    }
    try (TestApp t =
        new TestApp(
            dir.resolve("p"),
            TestDatabases.Kind.SQLITE,
            Map.of(
                "ADMIN_TOKEN",
                "tok-abcdef-metrics-test-admin-token-0123",
                "METRICS_PUBLIC",
                "true"))) {
      assertThat(t.http.get("/metrics").status()).isEqualTo(200);
    }
  }

  /** The sample's value; fails when the series is missing, since a gap is what must not happen. */
  static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    if (!m.find()) {
      throw new AssertionError(
          "no series "
              + series
              + " in:\n"
              + scrape.lines().filter(l -> l.startsWith(series.replaceAll("\\{.*", ""))).toList());
    }
    return Double.parseDouble(m.group(1));
  }
}
