package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.Main;
import ca.businessx.nurture.cli.CliFactory;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `nurture notion check|setup` and the CRM side of `nurture contact forget`. */
class NotionCliTest {
  @TempDir Path dir;
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  record Run(int exit, String out, String err) {}

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("NURTURE_DATA_DIR", dir.toString());
    env.put("NOTION_API_KEY", FakeNotion.TOKEN);
    env.put("NOTION_CONTACTS_DB_ID", fake.contacts.id);
    env.put("NOTION_TEMPLATES_DB_ID", fake.templates.id);
    env.put("NOTION_API_URL", fake.url().toString());
    env.put("NOTION_RATE_LIMIT", "50");
    return env;
  }

  Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new Main(), new CliFactory(env()))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void checkReportsProblemsInPlainWordsAndSetupFixesThem() {
    assertThat(cli("notion", "check").exit()).isZero();
    ObjectNode damage = FakeNotionData.JSON.createObjectNode();
    damage.putNull("Email");
    damage.putObject("Assessment Score").putObject("rich_text");
    fake.data.patchSchema(fake.contacts, damage);

    Run check = cli("notion", "check");
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.out()).contains("2 problem(s)", "\"Email\" is missing", "Assessment Score");

    Run setup = cli("notion", "setup", "--json");
    assertThat(setup.exit()).isZero();
    assertThat(setup.out()).contains("\"ok\" : true");
    assertThat(cli("notion", "check").exit()).isZero();
  }

  @Test
  void aWrongKeyIsReportedAsUnreachable() {
    Map<String, String> env = env();
    env.put("NOTION_API_KEY", "ntn_wrong");
    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new Main(), new CliFactory(env))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(new StringWriter(), true))
            .execute("notion", "check");
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .doesNotContain("ntn_wrong")
        .containsIgnoringCase("contacts database");
  }

  @Test
  void forgetArchivesTheNotionPageAndNeverRecreatesIt() {
    Map<String, String> env = env();
    env.put("NOTION_RETRY_DELAY", "PT1S");
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, env)) {
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      NotionE2E.drain(t);
      assertThat(fake.data.pages(fake.contacts)).hasSize(1);

      Run forget = cli("contact", "forget", "ana@example.ca");
      assertThat(forget.exit()).as(forget.err()).isZero();
      assertThat(forget.out()).contains("will be archived");
      // The CLI scheduled on the real clock; bring the service's test clock up to it.
      t.clock.settable().set(java.time.Instant.now().plusSeconds(1));
      NotionE2E.drain(t);
      assertThat(fake.data.pages(fake.contacts)).as("archived pages leave queries").isEmpty();
      t.advance(Duration.ofDays(8), Duration.ofHours(6));
      assertThat(fake.data.pages(fake.contacts)).isEmpty();
    }
  }
}
