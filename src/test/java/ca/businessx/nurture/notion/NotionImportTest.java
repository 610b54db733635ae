package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An assessment for a lead the team entered in Notion: imported, enrolled, never duplicated. */
class NotionImportTest {
  private static final String BEA = "bea@example.ca";

  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @Test
  void aLeadKnownOnlyToNotionIsImportedAndEnrolled() {
    FakeNotionData.Page entered = enteredByTheTeam(BEA, "Béa Gagnon", "Béa", "Gagnon Électrique");
    try (TestApp t = NotionE2E.start(dir, fake, Map.of())) {
      Http.Response assessed = t.assess(BEA, 2, 0);

      assertThat(assessed.status()).isEqualTo(200);
      assertThat(assessed.json().get("enrolled").asBoolean()).isTrue();
      String id = assessed.json().get("contact_id").asText();
      Map<String, Object> row =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select name, first_name, business_name, crm_page_id from contacts where id = :id")
                          .bind("id", id)
                          .mapToMap()
                          .one());
      assertThat(row)
          .containsEntry("name", "Béa Gagnon")
          .containsEntry("first_name", "Béa")
          .containsEntry("business_name", "Gagnon Électrique")
          .containsEntry("crm_page_id", entered.id);
      assertThat(t.http.get("/api/contacts/" + id).json().get("timeline"))
          .extracting(e -> e.get("kind").asText())
          .contains("imported_from_crm", "assessed");

      NotionE2E.drain(t);

      assertThat(t.outboxTemplates(BEA)).containsExactly("email_1");
      assertThat(fake.data.pages(fake.contacts)).containsExactly(entered);
      assertThat(NotionE2E.text(entered, "Name")).isEqualTo("Béa Gagnon");
      assertThat(NotionE2E.select(entered, "Segment")).isEqualTo("CRITICAL");
      assertThat(NotionE2E.select(entered, "Sequence Status")).isEqualTo("Active");
      assertThat(NotionE2E.text(entered, "Last Email")).isEqualTo("email_1");
      assertThat(NotionE2E.syncStates(t)).singleElement().matches(NotionE2E.SyncState::inSync);
    }
  }

  @Test
  void anEmailNeitherKnowsIsNotFound() {
    enteredByTheTeam(BEA, "Béa Gagnon", "Béa", "Gagnon Électrique");
    try (TestApp t = NotionE2E.start(dir, fake, Map.of())) {
      Http.Response r = t.assess("nobody@example.ca", 2, 0);

      assertThat(r.status()).isEqualTo(404);
      assertNothingWritten(t);
    }
  }

  @Test
  void whenNotionCannotBeAskedTheAnswerIs503WithRetryAfterAndNothingIsWritten() {
    enteredByTheTeam(BEA, "Béa Gagnon", "Béa", "Gagnon Électrique");
    try (TestApp t = NotionE2E.start(dir, fake, Map.of())) {
      // A first lookup finds the data source, so each fault below meets the query itself.
      assertThat(t.assess("nobody@example.ca", 2, 0).status()).isEqualTo(404);

      for (FakeNotion.Fault fault :
          List.of(
              new FakeNotion.Status(503, "service_unavailable", null),
              new FakeNotion.Status(500, "internal_server_error", null),
              new FakeNotion.Drop())) {
        fake.inject(fault);
        Http.Response r = t.assess(BEA, 2, 0);

        assertThat(r.status()).as(fault.toString()).isEqualTo(503);
        assertThat(r.header("Retry-After"))
            .as(fault.toString())
            .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertNothingWritten(t);
      }

      assertThat(t.assess(BEA, 2, 0).status()).as("once Notion answers").isEqualTo(200);
    }
  }

  private static void assertNothingWritten(TestApp t) {
    for (String table : List.of("contacts", "assessments", "enrollments", "events", "emails")) {
      assertThat(NotionE2E.count(t, table)).as(table).isZero();
    }
    assertThat(t.integrations().getScheduledExecutionsForTask("crm-sync")).isEmpty();
  }

  private FakeNotionData.Page enteredByTheTeam(
      String email, String name, String firstName, String business) {
    ObjectNode p = FakeNotionData.JSON.createObjectNode();
    p.putObject("Name").putArray("title").addObject().putObject("text").put("content", name);
    p.putObject("Email").put("email", email);
    p.putObject("First Name")
        .putArray("rich_text")
        .addObject()
        .putObject("text")
        .put("content", firstName);
    p.putObject("Business Name")
        .putArray("rich_text")
        .addObject()
        .putObject("text")
        .put("content", business);
    p.putObject("Sequence Status").putObject("select").put("name", "Not Started");
    return fake.data.createPage(fake.contacts, p);
  }
}
