package ca.businessx.nurture.notion;

import ca.businessx.nurture.App;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The whole service wired to a {@link FakeNotion}, and ways to read what reached the fake. */
final class NotionE2E {
  private NotionE2E() {}

  /** A contact's sync state as the service keeps it. */
  record SyncState(String email, int version, int syncedVersion, String pageId) {
    boolean inSync() {
      return version == syncedVersion;
    }
  }

  /** The service on SQLite, Notion at the fake with a generous rate; {@code extra} overrides. */
  static TestApp start(Path dir, FakeNotion fake, Map<String, String> extra) {
    return start(dir, fake, extra, b -> b);
  }

  static TestApp start(
      Path dir, FakeNotion fake, Map<String, String> extra, UnaryOperator<App.Builder> custom) {
    Map<String, String> env = new HashMap<>();
    env.put("NOTION_API_KEY", FakeNotion.TOKEN);
    env.put("NOTION_CONTACTS_DB_ID", fake.contacts.id);
    env.put("NOTION_API_URL", fake.url().toString());
    env.put("NOTION_RATE_LIMIT", "100");
    env.put("NOTION_TIMEOUT", "PT2S");
    env.putAll(extra);
    TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, env, custom);
    // Pages carry edit times on the service's clock, as the poll for stops compares them.
    fake.data.clock = t.clock;
    return t;
  }

  /** Runs both schedulers until nothing is due now; one run takes only a batch. */
  static void drain(TestApp t) {
    for (int round = 0; round < 200; round++) {
      t.runDue();
      if (!anyDue(t.app.integrationScheduler(), t.clock.instant())) {
        return;
      }
    }
    throw new AssertionError("the schedulers never ran dry");
  }

  /** Moves the clock in steps, draining both schedulers at each one. */
  static void advance(TestApp t, Duration total, Duration step) {
    drain(t);
    for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
      t.clock.tick(step);
      drain(t);
    }
  }

  private static boolean anyDue(Scheduler s, Instant now) {
    return s.getScheduledExecutions(ScheduledExecutionsFilter.all().withPicked(false)).stream()
        .anyMatch(e -> !e.getExecutionTime().isAfter(now));
  }

  static List<SyncState> syncStates(TestApp t) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select email, crm_version, crm_synced_version, crm_page_id from contacts order by email")
                    .map(
                        (rs, ctx) ->
                            new SyncState(
                                rs.getString("email"),
                                rs.getInt("crm_version"),
                                rs.getInt("crm_synced_version"),
                                rs.getString("crm_page_id")))
                    .list());
  }

  static int count(TestApp t, String table) {
    return t.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  /** The fake's contact pages whose Email is this address. */
  static List<FakeNotionData.Page> pagesFor(FakeNotion fake, String email) {
    return fake.data.pages(fake.contacts).stream().filter(p -> email.equals(email(p))).toList();
  }

  static String email(FakeNotionData.Page p) {
    return p.properties.path("Email").path("email").asText(null);
  }

  static String text(FakeNotionData.Page p, String property) {
    JsonNode value = p.properties.path(property);
    return RichText.plain(value.has("title") ? value.get("title") : value.path("rich_text"));
  }

  static JsonNode number(FakeNotionData.Page p, String property) {
    return p.properties.path(property).path("number");
  }

  static String select(FakeNotionData.Page p, String property) {
    return p.properties.path(property).path("select").path("name").asText(null);
  }

  static Instant date(FakeNotionData.Page p, String property) {
    return Instant.parse(p.properties.path(property).path("date").path("start").asText());
  }

  /** Changes a page the way a person does in Notion: the edit time moves to now. */
  static void editInNotion(FakeNotion fake, String pageId, String property, String selectOption) {
    JsonNode change =
        FakeNotionData.JSON
            .createObjectNode()
            .set(
                property,
                FakeNotionData.JSON
                    .createObjectNode()
                    .set(
                        "select",
                        FakeNotionData.JSON.createObjectNode().put("name", selectOption)));
    fake.data.updatePage(pageId, change);
  }
}
