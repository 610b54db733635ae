package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An email parked for a person shows in Notion as Needs follow-up, and Active once retried. */
class NeedsFollowUpNotionTest {
  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void aParkedEmailNeedsFollowUpUntilAPersonRetriesIt() {
    FlakySender sender = new FlakySender().refuse("pat@example.ca");
    try (TestApp t = NotionE2E.start(dir, fake, Map.of(), b -> b.emailSender(sender))) {
      String id = t.signup("pat@example.ca", "Pat");
      t.assess("pat@example.ca", 2, 0);
      NotionE2E.advance(t, Duration.ofHours(1), Duration.ofMinutes(10));
      String parked = t.http.get("/api/emails?contact_id=" + id).json().at("/emails/0/id").asText();
      FakeNotionData.Page page = NotionE2E.pagesFor(fake, "pat@example.ca").getFirst();
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Needs follow-up");

      sender.accept("pat@example.ca");
      assertThat(t.http.postJson("/api/emails/" + parked + "/retry", "").status()).isEqualTo(200);
      NotionE2E.drain(t);
      page = NotionE2E.pagesFor(fake, "pat@example.ca").getFirst();
      assertThat(NotionE2E.select(page, "Sequence Status")).isEqualTo("Active");
      assertThat(sender.delivered).extracting(e -> e.templateKey()).containsExactly("email_1");
    }
  }
}
