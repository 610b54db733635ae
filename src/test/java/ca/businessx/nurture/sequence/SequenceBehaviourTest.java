package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceBehaviourTest {
  static final Duration WEEK = Duration.ofDays(8);
  static final Duration HOUR = Duration.ofHours(1);
  @TempDir Path dir;

  @Test
  void aRepeatedAssessmentUpdatesTheSegmentButNeverStartsASecondSequence() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      t.signup("re@example.ca", "Re");
      Http.Response first = t.assess("re@example.ca", 0, 0);
      t.advance(HOUR, HOUR);
      Http.Response second = t.assess("re@example.ca", 2, 0);
      assertThat(second.json().get("segment").asText()).isEqualTo("CRITICAL");
      assertThat(second.json().get("enrolled").asBoolean()).isFalse();
      assertThat(second.json().get("enrollment_id")).isEqualTo(first.json().get("enrollment_id"));
      t.advance(WEEK, HOUR);
      assertThat(t.outboxTemplates("re@example.ca"))
          .containsExactly("email_1", "email_2a", "email_3", "email_4", "email_5a");
    }
  }

  @Test
  void aCriticalLeadRaisesOneAlertWithoutPersonalContactDetails() {
    List<LeadAlert> alerts = new CopyOnWriteArrayList<>();
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of(), b -> b.alerter(recording(alerts)))) {
      String id = t.signup("hot@example.ca", "Hot");
      t.assess("hot@example.ca", 3, 1);
      t.signup("cool@example.ca", "Cool");
      t.assess("cool@example.ca", 0, 0);
      t.advance(HOUR, HOUR);
      assertThat(alerts)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.contactId()).isEqualTo(id);
                assertThat(a.segment()).isEqualTo(Segment.CRITICAL);
                assertThat(a.redSystems()).isEqualTo(3);
                assertThat(a.businessName()).isEqualTo("Tremblay Plumbing");
              });
    }
  }

  @Test
  void aFailingAlertChannelIsRetriedAndNeverHoldsUpTheSequence() {
    AtomicInteger calls = new AtomicInteger();
    Alerter down =
        new Alerter() {
          public String name() {
            return "down";
          }

          public void criticalLead(LeadAlert alert) {
            calls.incrementAndGet();
            throw new AlertException("503 from the channel", true);
          }

          public void notice(ca.businessx.nurture.alert.TeamNotice notice) {
            throw new AlertException("503 from the channel", true);
          }
        };
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of(), b -> b.alerter(down))) {
      t.signup("hot@example.ca", "Hot");
      t.assess("hot@example.ca", 2, 0);
      t.advance(WEEK, Duration.ofMinutes(30));
      assertThat(t.outboxTemplates("hot@example.ca")).hasSize(5);
      assertThat(calls.get()).isEqualTo(3);
      String id =
          t.jdbi()
              .withHandle(h -> h.createQuery("select id from contacts").mapTo(String.class).one());
      assertThat(
              t.http
                  .get("/api/contacts/" + id)
                  .json()
                  .get("timeline")
                  .toString()
                  .split("alert_retry", -1))
          .as("each failed alert attempt is on the timeline")
          .hasSize(4);
    }
  }

  @Test
  void transientSendFailuresAreRetriedDurablyUnderTheSameKey() {
    FlakySender flaky = new FlakySender(2, true);
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of(), b -> b.emailSender(flaky))) {
      String id = t.signup("flaky@example.ca", "Fl");
      t.assess("flaky@example.ca", 0, 0);
      t.advance(Duration.ofSeconds(90), Duration.ofSeconds(10));
      JsonNode first = t.http.get("/api/contacts/" + id).json().get("emails").get(0);
      assertThat(first.get("state").asText()).isEqualTo("SENT");
      assertThat(first.get("attempts").asInt()).isEqualTo(3);
      assertThat(flaky.keys.subList(0, 3)).containsOnly(first.get("idempotency_key").asText());
      t.advance(WEEK, HOUR);
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("COMPLETED");
    }
  }

  @Test
  void anEmailThatKeepsFailingIsParkedAndTheSequencePauses() {
    FlakySender down = new FlakySender(Integer.MAX_VALUE, true);
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of(), b -> b.emailSender(down))) {
      String id = t.signup("down@example.ca", "Dn");
      t.assess("down@example.ca", 0, 0);
      t.advance(WEEK, Duration.ofSeconds(10 * 60));
      JsonNode view = t.http.get("/api/contacts/" + id).json();
      assertThat(view.at("/enrollment/state").asText()).isEqualTo("PAUSED");
      assertThat(view.get("emails")).hasSize(1);
      assertThat(view.get("emails").get(0).get("state").asText()).isEqualTo("PARKED");
      assertThat(view.get("emails").get(0).get("last_error").asText()).contains("provider down");
      assertThat(down.keys).hasSize(4);
    }
  }

  @Test
  void aPermanentRefusalParksAtOnce() {
    FlakySender refusing = new FlakySender(Integer.MAX_VALUE, false);
    try (TestApp t =
        new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of(), b -> b.emailSender(refusing))) {
      String id = t.signup("bad@example.ca", "Bd");
      t.assess("bad@example.ca", 0, 0);
      t.advance(WEEK, HOUR);
      assertThat(refusing.keys).hasSize(1);
      assertThat(t.http.get("/api/contacts/" + id).json().at("/emails/0/state").asText())
          .isEqualTo("PARKED");
    }
  }

  static Alerter recording(List<LeadAlert> alerts) {
    return new Alerter() {
      public String name() {
        return "recording";
      }

      public void criticalLead(LeadAlert alert) {
        alerts.add(alert);
      }

      public void notice(ca.businessx.nurture.alert.TeamNotice notice) {}
    };
  }

  /** Fails the first {@code failures} sends, transiently or for good, then accepts. */
  static final class FlakySender implements EmailSender {
    final List<String> keys = new CopyOnWriteArrayList<>();
    final int failures;
    final boolean transientFailure;

    FlakySender(int failures, boolean transientFailure) {
      this.failures = failures;
      this.transientFailure = transientFailure;
    }

    public String name() {
      return "flaky";
    }

    public SendResult send(OutboundEmail email) {
      keys.add(email.idempotencyKey());
      if (keys.size() <= failures) {
        throw transientFailure
            ? SendException.transientFailure("provider down", null, null)
            : SendException.permanent("invalid recipient");
      }
      return new SendResult("msg-" + keys.size());
    }
  }
}
