package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.LogCapture;
import ca.businessx.nurture.support.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notion refuses the key: leads are mailed as usual, stay marked out of sync, and the refusal is
 * reported once instead of being retried in a loop.
 */
class NotionPermanentErrorTest {
  private static final int LEADS = 5;

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void aWrongKeyIsReportedOnceAndNotRetriedInALoop() {
    try (LogCapture logs = new LogCapture();
        TestApp t = NotionE2E.start(dir, fake, Map.of("NOTION_API_KEY", "ntn_wrong_key"))) {
      for (int i = 0; i < LEADS; i++) {
        t.signup("lead" + i + "@example.ca", "Lead" + i);
        t.assess("lead" + i + "@example.ca", i % 3, 0);
        NotionE2E.drain(t);
      }
      NotionE2E.advance(t, Duration.ofMinutes(5), Duration.ofMinutes(1));
      int requests = fake.requestCount();

      NotionE2E.advance(t, Duration.ofHours(6), Duration.ofMinutes(5));

      assertThat(fake.requestCount()).as("requests while time passed").isEqualTo(requests);
      assertThat(fake.answered(401)).isEqualTo(requests).isPositive();
      for (int i = 0; i < LEADS; i++) {
        assertThat(t.outboxTemplates("lead" + i + "@example.ca")).containsExactly("email_1");
      }
      assertThat(NotionE2E.syncStates(t)).hasSize(LEADS).noneMatch(NotionE2E.SyncState::inSync);
      assertThat(fake.data.pages(fake.contacts)).isEmpty();
      // One line from the sync jobs (not one per contact or try), one saying polling for stops
      // paused.
      List<String> refusals =
          logs.lines().stream().filter(l -> l.contains("unauthorized")).toList();
      assertThat(refusals)
          .as("log lines naming the refusal")
          .hasSize(2)
          .allSatisfy(l -> assertThat(l).contains("401 unauthorized: API token is invalid"))
          .anySatisfy(l -> assertThat(l).contains("refused to sync"))
          .anySatisfy(l -> assertThat(l).contains("refused the poll for stops"));
    }
  }

  @Test
  void aPollRefusedForGoodResumesOnceASyncGetsThrough() {
    try (TestApp t = NotionE2E.start(dir, fake, Map.of())) {
      String id = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 1, 0);
      NotionE2E.drain(t);
      FakeNotionData.Page page = NotionE2E.pagesFor(fake, "ana@example.ca").get(0);

      share(false);
      NotionE2E.advance(t, Duration.ofMinutes(2), Duration.ofSeconds(30));
      int requests = fake.requestCount();
      NotionE2E.advance(t, Duration.ofMinutes(30), Duration.ofMinutes(1));
      assertThat(fake.requestCount()).as("no poll while refused").isEqualTo(requests);

      share(true);
      NotionE2E.editInNotion(fake, page.id, "Sequence Status", "Stopped");
      t.assess("ana@example.ca", 2, 0);
      NotionE2E.advance(t, Duration.ofMinutes(2), Duration.ofSeconds(30));

      assertThat(NotionE2E.select(page, "Segment")).isEqualTo("CRITICAL");
      assertThat(t.http.get("/api/contacts/" + id).json().at("/enrollment/state").asText())
          .isEqualTo("STOPPED");
    }
  }

  @Test
  void aRefusalOfEachContactsPageIsReportedOnceNotPerContact() {
    try (TestApp t = NotionE2E.start(dir, fake, Map.of());
        LogCapture logs = new LogCapture()) {
      for (int i = 0; i < LEADS; i++) {
        t.signup("lead" + i + "@example.ca", "Lead" + i);
      }
      NotionE2E.drain(t);
      assertThat(fake.data.pages(fake.contacts)).hasSize(LEADS);

      // Each contact's known page is updated first, so each refusal names a different page.
      fake.inject(new FakeNotion.Status(403, "restricted_resource", null), LEADS);
      for (int i = 0; i < LEADS; i++) {
        t.signup("lead" + i + "@example.ca", "Lea" + i);
      }
      NotionE2E.advance(t, Duration.ofHours(1), Duration.ofMinutes(5));

      assertThat(fake.answered(403)).isEqualTo(LEADS);
      assertThat(NotionE2E.syncStates(t)).noneMatch(NotionE2E.SyncState::inSync);
      assertThat(logs.lines())
          .filteredOn(l -> l.contains("refused to sync"))
          .singleElement()
          .satisfies(l -> assertThat(l).contains("403 restricted_resource"));
    }
  }

  /**
   * Shares the contacts database with the integration, or takes the sharing away, as a person can.
   */
  private void share(boolean shared) {
    synchronized (fake.data) {
      if (shared) {
        fake.data.unshared.remove(fake.contacts.id);
      } else {
        fake.data.unshared.add(fake.contacts.id);
      }
    }
  }
}
