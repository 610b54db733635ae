package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotionSchemaCheckTest {
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @ParameterizedTest
  @ValueSource(strings = {FakeNotion.V2025, FakeNotion.V2022})
  void aCompleteWorkspaceHasNoProblems(String version) {
    assertThat(check(version).check()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {FakeNotion.V2025, FakeNotion.V2022})
  void reportsMissingAndMistypedPropertiesAndSetupFixesThem(String version) {
    ObjectNode damage = FakeNotionData.JSON.createObjectNode();
    damage.putNull("Email");
    damage.putObject("Assessment Score").putObject("rich_text");
    damage
        .putObject("Sequence Status")
        .putObject("select")
        .putArray("options")
        .addObject()
        .put("name", "Active");
    damage.putObject("Name").put("name", "Lead");
    fake.data.patchSchema(fake.contacts, damage);
    fake.data.patchSchema(
        fake.templates, FakeNotionData.JSON.createObjectNode().putNull("Subject"));
    NotionSchemaCheck check = check(version);

    assertThat(check.check())
        .containsExactlyInAnyOrder(
            "Contacts database: property \"Name\" is missing: the title column is called \"Lead\".",
            "Contacts database: property \"Email\" is missing (expected type email).",
            "Contacts database: property \"Assessment Score\" has type rich_text, expected number.",
            "Contacts database: property \"Sequence Status\" lacks the options Not Started, Needs follow-up, Completed, Stopped, Booked, Replied.",
            "Templates database: property \"Subject\" is missing (expected type rich_text).");

    assertThat(check.setup()).isEmpty();
    assertThat(check.check()).isEmpty();
    assertThat(fake.contacts.schema.get("Email").path("type").asText()).isEqualTo("email");
    assertThat(fake.contacts.schema.get("Assessment Score").path("type").asText())
        .isEqualTo("number");
    assertThat(fake.contacts.schema.get("Name").path("type").asText()).isEqualTo("title");
  }

  @Test
  void setupLetsTheContactsSyncWorkAfterwards() {
    fake.data.patchSchema(
        fake.contacts, FakeNotionData.JSON.createObjectNode().putNull("Last Email"));
    NotionSettings settings = fake.settings(FakeNotion.V2025);
    NotionContactCrm crm =
        new NotionContactCrm(new NotionClient(settings, Clock.systemUTC()), settings);

    check(FakeNotion.V2025).setup();

    assertThat(
            crm.upsert(NotionContactCrmTest.lead("ana@example.ca", "Active", "email_1"), null)
                .lastEmail())
        .isEqualTo("email_1");
  }

  @Test
  void reportsADatabaseThatIsNotSharedOrAKeyThatIsRejected() {
    fake.data.unshared.add(fake.templates.id);

    assertThat(check(FakeNotion.V2025).check())
        .singleElement()
        .asString()
        .startsWith("Templates database " + fake.templates.id + ": not found")
        .contains("share the database with the integration");

    NotionSettings wrongKey =
        new NotionSettings(
            "ntn_not_the_key",
            fake.contacts.id,
            null,
            fake.url(),
            FakeNotion.V2025,
            100,
            java.time.Duration.ofSeconds(2),
            PropertyNames.defaults());
    assertThat(
            new NotionSchemaCheck(new NotionClient(wrongKey, Clock.systemUTC()), wrongKey).check())
        .containsExactly(
            "Contacts database "
                + fake.contacts.id
                + ": the API key was rejected (401 unauthorized).");
  }

  private NotionSchemaCheck check(String version) {
    NotionSettings settings = fake.settings(version);
    return new NotionSchemaCheck(new NotionClient(settings, Clock.systemUTC()), settings);
  }
}
