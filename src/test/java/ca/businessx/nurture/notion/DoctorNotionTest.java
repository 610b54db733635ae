package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.Main;
import ca.businessx.nurture.cli.CliFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `nurture doctor` checks the Notion databases' shape and points at `notion setup`. */
class DoctorNotionTest {
  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  String doctor() {
    Map<String, String> env = new HashMap<>();
    env.put("NURTURE_DATA_DIR", dir.toString());
    env.put("NOTION_API_KEY", FakeNotion.TOKEN);
    env.put("NOTION_CONTACTS_DB_ID", fake.contacts.id);
    env.put("NOTION_TEMPLATES_DB_ID", fake.templates.id);
    env.put("NOTION_API_URL", fake.url().toString());
    env.put("NOTION_RATE_LIMIT", "50");
    StringWriter out = new StringWriter();
    new CommandLine(new Main(), new CliFactory(env))
        .setOut(new PrintWriter(out, true))
        .execute("doctor");
    return out.toString();
  }

  @Test
  void aMissingPropertyFailsTheNotionCheckWithTheFix() {
    assertThat(doctor()).contains("ok   notion: the databases have every property Nurture needs");
    ObjectNode damage = FakeNotionData.JSON.createObjectNode();
    damage.putNull("Email");
    fake.data.patchSchema(fake.contacts, damage);
    assertThat(doctor())
        .contains("FAIL notion: ", "\"Email\" is missing", "-> run: nurture notion setup")
        .doesNotContain(FakeNotion.TOKEN);
  }
}
