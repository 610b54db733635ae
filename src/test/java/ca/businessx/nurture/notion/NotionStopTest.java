package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.OutboxSender;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sequence Status column: a person's Stopped in Notion stops the sequence here and stays; a
 * finished sequence shows Completed.
 */
class NotionStopTest {
  private static final String ANA = "ana@example.ca";
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();
  private final SwitchableOutbox sender = new SwitchableOutbox();

  @Test
  void stoppedInNotionStopsTheSequenceAndIsNeverOverwritten() {
    try (TestApp t =
        NotionE2E.start(dir, fake, Map.of("EMAIL_RETRIES", "100"), b -> b.emailSender(sender))) {
      sender.outbox = new OutboxSender(t.jdbi(), t.clock);
      String id = t.signup(ANA, "Ana");
      t.assess(ANA, 1, 0);
      NotionE2E.advance(t, Duration.ofHours(25), HOUR);
      // Email 3 falls due while the provider is down, so it waits PENDING for a retry.
      sender.down = true;
      NotionE2E.advance(t, Duration.ofHours(48), HOUR);
      FakeNotionData.Page page = NotionE2E.pagesFor(fake, ANA).get(0);
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Active");
      assertThat(NotionE2E.text(page, "Last Email")).isEqualTo("email_2b");
      assertThat(t.http.get("/api/contacts/" + id).json().at("/emails/2/state").asText())
          .isEqualTo("PENDING");

      NotionE2E.editInNotion(fake, page.id, "Sequence Status", "Stopped");
      // A change here synced before the next poll does not undo the person's stop.
      t.assess(ANA, 2, 0);
      NotionE2E.drain(t);
      assertThat(NotionE2E.select(page, "Segment")).isEqualTo("CRITICAL");
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Stopped");

      NotionE2E.advance(t, Duration.ofMinutes(2), Duration.ofSeconds(30));

      JsonNode view = t.http.get("/api/contacts/" + id).json();
      assertThat(view.at("/enrollment/state").asText()).isEqualTo("STOPPED");
      assertThat(view.get("emails"))
          .extracting(e -> e.get("template").asText() + " " + e.get("state").asText())
          .containsExactly("email_1 SENT", "email_2b SENT", "email_3 CANCELLED");

      sender.down = false;
      int attempts = sender.attempts.get();
      NotionE2E.advance(t, Duration.ofDays(5), HOUR);
      assertThat(t.outboxTemplates(ANA)).containsExactly("email_1", "email_2b");
      assertThat(sender.attempts.get()).as("no send tried after the stop").isEqualTo(attempts);

      t.assess(ANA, 0, 0);
      NotionE2E.drain(t);
      assertThat(NotionE2E.pagesFor(fake, ANA)).hasSize(1);
      assertThat(NotionE2E.select(page, "Segment")).isEqualTo("OPTIMIZE");
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Stopped");
      assertThat(NotionE2E.syncStates(t)).allMatch(NotionE2E.SyncState::inSync);
    }
  }

  @Test
  void aFinishedSequenceShowsCompletedWithTheLastEmail() {
    try (TestApp t = NotionE2E.start(dir, fake, Map.of())) {
      t.signup(ANA, "Ana");
      t.assess(ANA, 2, 0);
      NotionE2E.advance(t, Duration.ofDays(8), Duration.ofHours(2));

      FakeNotionData.Page page = NotionE2E.pagesFor(fake, ANA).get(0);
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Completed");
      assertThat(NotionE2E.text(page, "Last Email")).isEqualTo("email_5a");
      assertThat(NotionE2E.syncStates(t)).allMatch(NotionE2E.SyncState::inSync);
    }
  }

  /** The outbox, unless switched down, when every send fails as a provider outage would. */
  private static final class SwitchableOutbox implements EmailSender {
    volatile EmailSender outbox;
    volatile boolean down;
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public String name() {
      return "outbox";
    }

    @Override
    public SendResult send(OutboundEmail email) {
      attempts.incrementAndGet();
      if (down) {
        throw SendException.transientFailure("provider down", null, null);
      }
      return outbox.send(email);
    }
  }
}
