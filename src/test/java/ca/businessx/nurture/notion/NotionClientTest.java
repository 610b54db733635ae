package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotionClientTest {
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @ParameterizedTest
  @ValueSource(strings = {FakeNotion.V2025, FakeNotion.V2022})
  void createsPagesAndQueriesThemAcrossCursorPages(String version) {
    NotionClient client = new NotionClient(fake.settings(version), Clock.systemUTC());
    for (int i = 0; i < 250; i++) {
      ObjectNode props = FakeNotionData.JSON.createObjectNode();
      props.putObject("Email").put("email", "lead" + i + "@example.ca");
      client.createPage(fake.contacts.id, props);
    }
    int before = fake.requestCount();

    List<NotionPage> pages = client.query(fake.contacts.id, null);

    Set<String> emails = new HashSet<>();
    pages.forEach(p -> emails.add(p.property("Email").path("email").asText()));
    assertThat(pages).hasSize(250);
    assertThat(emails).hasSize(250).contains("lead0@example.ca", "lead249@example.ca");
    assertThat(fake.requestCount() - before).as("three pages of at most 100").isEqualTo(3);
  }

  @Test
  void discoversEachDataSourceOnce() {
    NotionClient client = new NotionClient(fake.settings(FakeNotion.V2025), Clock.systemUTC());

    String first = client.dataSourceId(fake.contacts.id);
    client.query(fake.contacts.id, null);
    client.query(fake.contacts.id, null);

    assertThat(first).isEqualTo(fake.contacts.dataSourceId);
    assertThat(fake.requestCount()).as("one discovery, two queries").isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {FakeNotion.V2025, FakeNotion.V2022})
  void readsAndUpdatesSchemaOfEitherVersion(String version) {
    NotionClient client = new NotionClient(fake.settings(version), Clock.systemUTC());
    ObjectNode change = FakeNotionData.JSON.createObjectNode();
    change.putObject("Notes").putObject("rich_text");

    client.updateSchema(fake.contacts.id, change);

    assertThat(client.schema(fake.contacts.id).path("Notes").path("type").asText())
        .isEqualTo("rich_text");
    assertThat(client.schema(fake.contacts.id).path("Email").path("type").asText())
        .isEqualTo("email");
  }

  @Test
  void readsBlockChildrenPageByPageAndRecurses() {
    String page =
        client2025().createPage(fake.templates.id, FakeNotionData.JSON.createObjectNode()).id();
    List<ObjectNode> many = new java.util.ArrayList<>();
    for (int i = 0; i < 130; i++) {
      many.add(Blocks.block("paragraph", Blocks.run("p" + i)));
    }
    List<String> ids = fake.data.addBlocks(page, many);
    fake.data.addBlocks(ids.get(129), List.of(Blocks.block("paragraph", Blocks.run("nested"))));

    List<NotionBlock> tree = client2025().blockTree(page);

    assertThat(tree).hasSize(130);
    assertThat(RichText.plain(tree.get(129).richText())).isEqualTo("p129");
    assertThat(tree.get(129).children())
        .singleElement()
        .satisfies(b -> assertThat(RichText.plain(b.richText())).isEqualTo("nested"));
  }

  @Test
  void rejectedTokenIsPermanentAndNeverQuoted() {
    NotionSettings wrongKey =
        new NotionSettings(
            "ntn_wrong_secret_value",
            fake.contacts.id,
            null,
            fake.url(),
            FakeNotion.V2025,
            100,
            java.time.Duration.ofSeconds(2),
            PropertyNames.defaults());

    NotionException e =
        catchThrowableOfType(
            NotionException.class,
            () -> new NotionClient(wrongKey, Clock.systemUTC()).query(fake.contacts.id, null));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("unauthorized").doesNotContain("ntn_wrong_secret_value");
    assertThat(wrongKey.toString()).doesNotContain("ntn_wrong_secret_value");
  }

  @Test
  void redactsQuotedValuesAndEmailsFromNotionMessages() {
    String message =
        NotionErrors.redact(
            "body.properties.Name.title[0].text.content should be"
                + " shorter, instead was `\"Ana Tremblay\"`; ana@example.ca; length ≤ `2000`, instead was `5867`.");

    assertThat(message)
        .doesNotContain("Ana Tremblay")
        .doesNotContain("ana@example.ca")
        .contains("`2000`")
        .contains("`5867`");
  }

  private NotionClient client2025() {
    return new NotionClient(fake.settings(FakeNotion.V2025), Clock.systemUTC());
  }
}
