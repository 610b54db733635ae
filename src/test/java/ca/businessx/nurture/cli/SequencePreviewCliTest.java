package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.calendar.SendWindow;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code nurture sequence preview --lead}: when each remaining email would leave, and why. */
class SequencePreviewCliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void printsEachRemainingEmailInsideTheLeadsWindow(TestDatabases.Kind kind) throws Exception {
    Map<String, String> env = new HashMap<>(TestDatabases.env(kind));
    env.put("PORT", "0");
    env.put("NURTURE_DATA_DIR", dir.resolve("data").toString());
    env.put("SEND_WINDOW", "MON-FRI 09:00-17:00");
    String id;
    try (TestApp t = new TestApp(dir.resolve("data"), kind, env)) {
      id =
          t.postWebhook("/webhook/signup", "{\"email\":\"vi@example.ca\",\"province\":\"BC\"}")
              .json()
              .get("contact_id")
              .asText();
      t.assess("vi@example.ca", 2, 0);
      t.runDue();
    }
    Cli cli = new Cli(env);
    Cli.Result table = cli.run("sequence", "preview", "--lead", "vi@example.ca");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("LEAVES (America/Vancouver)", "email_2a", "email_3", "email_4", "email_5a")
        .doesNotContain("email_1");

    JsonNode preview =
        Json.mapper().readTree(cli.run("sequence", "preview", "--lead", id, "--json").out());
    assertThat(preview.get("zone").asText()).isEqualTo("America/Vancouver");
    assertThat(preview.get("emails")).hasSize(4);
    SendWindow window = SendWindow.parse("MON-FRI 09:00-17:00");
    Instant last = Instant.MIN;
    for (JsonNode email : preview.get("emails")) {
      Instant at = Instant.parse(email.get("at").asText());
      assertThat(window.isOpen(at, ZoneId.of("America/Vancouver"), Province.BC))
          .as("step %s at %s", email.get("step"), at)
          .isTrue();
      assertThat(at).isAfter(last);
      last = at;
    }

    Cli.Result unknown = cli.run("sequence", "preview", "--lead", "nobody@example.ca");
    assertThat(unknown.exit()).isEqualTo(CliCommand.BAD_INPUT);
    assertThat(unknown.err()).contains("no lead with that id or email address");
  }
}
