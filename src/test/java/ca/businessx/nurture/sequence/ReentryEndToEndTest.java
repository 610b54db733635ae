package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A lead whose sequence ended comes back with a new assessment: when it starts again, and not. */
class ReentryEndToEndTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aWorseSegmentStartsANewSequenceWithItsOwnEmails(TestDatabases.Kind db) {
    try (TestApp t = new TestApp(dir, db, Map.of())) {
      String email = "lea@example.ca";
      String id = t.signup(email, "Léa");
      String first = t.assess(email, 1, 0).json().get("enrollment_id").asText();
      t.advance(Duration.ofDays(8), Duration.ofHours(1));
      assertThat(t.outboxTemplates(email)).hasSize(5);

      t.clock.tick(Duration.ofDays(3));
      Http.Response same = t.assess(email, 1, 0);
      assertThat(same.json().get("enrolled").asBoolean()).isFalse();
      assertThat(same.json().get("enrollment_id").asText()).isEqualTo(first);

      Http.Response worse = t.assess(email, 3, 0);
      assertThat(worse.json().get("enrolled").asBoolean()).isTrue();
      String second = worse.json().get("enrollment_id").asText();
      assertThat(second).isNotEqualTo(first);
      // While the new one runs, another assessment starts nothing.
      assertThat(t.assess(email, 3, 0).json().get("enrolled").asBoolean()).isFalse();
      t.advance(Duration.ofDays(8), Duration.ofHours(1));

      assertThat(t.outboxTemplates(email))
          .containsExactlyInAnyOrder(
              "email_1",
              "email_2b",
              "email_3",
              "email_4",
              "email_5b",
              "email_1",
              "email_2a",
              "email_3",
              "email_4",
              "email_5a");
      long keys =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(distinct idempotency_key) from emails where contact_id = :c")
                          .bind("c", id)
                          .mapTo(Long.class)
                          .one());
      assertThat(keys).isEqualTo(10);
      JsonNode view = t.http.get("/api/contacts/" + id).json();
      assertThat(view.at("/enrollment/id").asText()).isEqualTo(second);
      assertThat(view.at("/enrollment/state").asText()).isEqualTo("COMPLETED");
      assertThat(view.get("emails")).hasSize(10);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aBookingHoldsTheLeadOutUntilReentryAfterHasPassed(TestDatabases.Kind db) {
    try (TestApp t = new TestApp(dir, db, Map.of("WEBHOOK_SECRET", "s3cret-for-the-website"))) {
      String email = "marc@example.ca";
      t.signup(email, "Marc");
      String first = t.assess(email, 1, 0).json().get("enrollment_id").asText();
      t.advance(Duration.ofHours(2), Duration.ofHours(1));
      Http.Response booked =
          t.postWebhook(
              "/webhook/booking",
              "{\"email\":\""
                  + email
                  + "\",\"starts_at\":\"2026-03-09T15:00:00Z\",\"source\":\"acuity\","
                  + "\"external_id\":\"B-1\"}");
      assertThat(booked.json().get("status").asText()).isEqualTo("booked");

      t.clock.tick(Duration.ofDays(30));
      assertThat(t.assess(email, 3, 0).json().get("enrolled").asBoolean()).isFalse();

      t.clock.tick(Duration.ofDays(61));
      Http.Response later = t.assess(email, 3, 0);
      assertThat(later.json().get("enrolled").asBoolean()).isTrue();
      assertThat(later.json().get("enrollment_id").asText()).isNotEqualTo(first);
    }
  }
}
