package ca.businessx.nurture.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.discord.FakeDiscord;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team can reach a CRITICAL lead from the alert itself: email, phone, and its console page. */
class CriticalAlertContentTest {
  @TempDir Path dir;
  private final FakeDiscord discord = FakeDiscord.start();

  @AfterEach
  void stop() {
    discord.close();
  }

  @Test
  void theAlertCarriesTheLeadsEmailPhoneAndConsoleLink() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of(
                "DISCORD_WEBHOOK_URL",
                discord.createWebhook("1", "t").toString(),
                "PUBLIC_BASE_URL",
                "https://leads.example.ca/"))) {
      String id =
          t.postWebhook(
                  "/webhook/signup",
                  "{\"email\":\"ana@example.ca\",\"first_name\":\"Ana\","
                      + "\"business_name\":\"Tremblay Plumbing\",\"phone\":\"+1 514 555 0100\"}")
              .json()
              .get("contact_id")
              .asText();
      t.assess("ana@example.ca", 3, 0);
      t.runDue();

      JsonNode embed = discord.messages().get(0).at("/embeds/0");
      String link = "https://leads.example.ca/console/leads/" + id;
      assertThat(embed.get("url").asText()).isEqualTo(link);
      assertThat(field(embed, "Email")).isEqualTo("ana@example.ca");
      assertThat(field(embed, "Phone")).isEqualTo("+1 514 555 0100");
      assertThat(field(embed, "Lead")).isEqualTo(link);
      assertThat(field(embed, "Segment")).isEqualTo("CRITICAL");
    }
  }

  private static String field(JsonNode embed, String name) {
    for (JsonNode f : embed.get("fields")) {
      if (f.get("name").asText().equals(name)) {
        return f.get("value").asText();
      }
    }
    return null;
  }
}
