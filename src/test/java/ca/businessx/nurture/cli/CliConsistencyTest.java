package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands agree: a contact by id or email, ISO times, no "null", honest exit codes. */
class CliConsistencyTest {
  @TempDir Path dir;
  TestApp service;
  Cli cli;
  Map<String, String> env;
  String ana;

  @BeforeEach
  void start() {
    env = Map.of("PORT", "0", "NURTURE_DATA_DIR", dir.resolve("data").toString());
    service = new TestApp(dir.resolve("data"), TestDatabases.Kind.SQLITE, Map.of());
    cli = new Cli(env);
    ana = service.signup("ana@example.ca", "Ana");
    service.assess("ana@example.ca", 2, 0);
    service.advance(Duration.ofHours(1), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void emailsListTakesAContactByIdOrEmail() throws Exception {
    JsonNode byId = json(cli.run("emails", "list", "--contact", ana, "--json"));
    JsonNode byEmail = json(cli.run("emails", "list", "--contact", "Ana@Example.ca", "--json"));
    assertThat(byEmail.get("emails")).hasSize(1).isEqualTo(byId.get("emails"));
    assertThat(cli.run("emails", "list", "--contact", "nobody@example.ca").exit()).isEqualTo(1);
  }

  @Test
  void theExportShowsTimesAsIso8601() throws Exception {
    JsonNode export = json(cli.run("contact", "export", "ana@example.ca"));
    assertThat(export.at("/contact/signed_up_at").asText()).isEqualTo("2026-03-02T14:00:00Z");
    assertThat(export.at("/timeline/0/at").asText()).endsWith("Z");
    assertThat(export.at("/emails/0/sent_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void anErasedContactShowsNoNull() {
    assertThat(cli.run("contact", "forget", "ana@example.ca").exit()).isZero();
    Cli.Result shown = cli.run("contacts", "show", ana);
    assertThat(shown.exit()).isZero();
    assertThat(shown.out()).contains("name -").doesNotContain("null");
  }

  @Test
  void importWithRejectedRowsExitsNonZeroWithItsSummary() throws Exception {
    Path csv = dir.resolve("leads.csv");
    Files.writeString(csv, "email,name\ngood@example.ca,Good\nnot-an-email,Bad\n");
    Cli.Result r = cli.run("import", csv.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("imported 1", "rejected 1", "row 3: email");
  }

  @Test
  void aWrongCountOfSequenceWaitsIsReportedWithTheOtherSettingsAndExits2() {
    Map<String, String> bad = new java.util.HashMap<>(env);
    bad.put("SEQUENCE_WAITS", "PT1S,PT1S");
    bad.put("RESEND_RETRIES", "many");
    Cli.Result r = new Cli(bad).run("contacts", "list");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("nurture: invalid configuration:")
        .contains("SEQUENCE_WAITS needs 4 durations", "RESEND_RETRIES");
  }

  private static JsonNode json(Cli.Result r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }
}
