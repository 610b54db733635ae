package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notion is down while thirty leads sign up and are assessed: every lead is mailed at once, and
 * when Notion is back every contact reaches it exactly once, complete.
 */
class NotionOutageTest {
  private static final int LEADS = 30;
  private static final List<String> SEGMENTS = List.of("CRITICAL", "URGENT", "OPTIMIZE");

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void leadsAreMailedOnTimeDuringAnOutageAndReachNotionOnceAfterIt() {
    fake.inject(new FakeNotion.Status(503, "service_unavailable", null), 100_000);
    try (TestApp t =
        NotionE2E.start(
            dir, fake, Map.of("NOTION_RETRY_DELAY", "PT1M", "NOTION_RESYNC_INTERVAL", "PT10M"))) {
      for (int i = 0; i < LEADS; i++) {
        t.signup(email(i), "Lead" + i);
        assertThat(t.assess(email(i), 2 - i % 3, 0).status()).isEqualTo(200);
        NotionE2E.drain(t);
        t.clock.tick(Duration.ofSeconds(1));
      }

      // Every lead has its first email, recorded the moment it was enrolled.
      List<long[]> sends =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select o.recorded_at, e.started_at from outbox o join contacts c on c.email = o.recipient"
                                  + " join enrollments e on e.contact_id = c.id where o.template_key = 'email_1'")
                          .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                          .list());
      assertThat(sends).hasSize(LEADS).allSatisfy(s -> assertThat(s[0]).isEqualTo(s[1]));

      // The outage lasts past the retries into the out-of-sync state.
      NotionE2E.advance(t, Duration.ofMinutes(5), Duration.ofSeconds(30));
      assertThat(fake.answered(503)).isGreaterThanOrEqualTo(LEADS * 4);
      assertThat(fake.data.pages(fake.contacts)).isEmpty();
      assertThat(NotionE2E.syncStates(t)).hasSize(LEADS).noneMatch(NotionE2E.SyncState::inSync);

      fake.recover();
      NotionE2E.advance(t, Duration.ofMinutes(11), Duration.ofSeconds(30));

      assertThat(fake.data.pages(fake.contacts)).hasSize(LEADS);
      for (int i = 0; i < LEADS; i++) {
        assertPage(t, i);
      }
      assertThat(NotionE2E.syncStates(t))
          .hasSize(LEADS)
          .allMatch(NotionE2E.SyncState::inSync)
          .allSatisfy(s -> assertThat(s.pageId()).isNotNull());
      assertThat(t.outboxTemplates(email(0))).containsExactly("email_1");
    }
  }

  private void assertPage(TestApp t, int i) {
    List<FakeNotionData.Page> pages = NotionE2E.pagesFor(fake, email(i));
    assertThat(pages).as("pages of " + email(i)).hasSize(1);
    FakeNotionData.Page p = pages.get(0);
    Instant signedUp =
        Instant.ofEpochMilli(
            t.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("select signed_up_at from contacts where email = :e")
                            .bind("e", email(i))
                            .mapTo(Long.class)
                            .one()));
    assertThat(NotionE2E.text(p, "Name")).isEqualTo("Lead" + i + " Tremblay");
    assertThat(NotionE2E.text(p, "First Name")).isEqualTo("Lead" + i);
    assertThat(NotionE2E.text(p, "Business Name")).isEqualTo("Tremblay Plumbing");
    assertThat(NotionE2E.number(p, "Red Systems").asInt()).isEqualTo(2 - i % 3);
    assertThat(NotionE2E.number(p, "Orange Systems").asInt()).isZero();
    assertThat(NotionE2E.number(p, "Yellow Systems").asInt()).isEqualTo(2);
    assertThat(NotionE2E.number(p, "Green Systems").asInt()).isEqualTo(3);
    assertThat(NotionE2E.number(p, "Assessment Score").asDouble()).isEqualTo(61.5);
    assertThat(NotionE2E.select(p, "Segment")).isEqualTo(SEGMENTS.get(i % 3));
    assertThat(NotionE2E.select(p, "Sequence Status")).isEqualTo("Active");
    assertThat(NotionE2E.text(p, "Last Email")).isEqualTo("email_1");
    assertThat(NotionE2E.date(p, "Signed Up"))
        .isEqualTo(signedUp)
        .isEqualTo(TestApp.START.plusSeconds(i));
    assertThat(NotionE2E.date(p, "Assessed")).isEqualTo(signedUp);
  }

  private static String email(int i) {
    return "lead" + i + "@example.ca";
  }
}
