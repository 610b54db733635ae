package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.support.FlakySender;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command against the database of a running service, as an operator would use it. */
class CliTest {
  @TempDir Path dir;
  FlakySender sender = new FlakySender().refuse("pat@bouncy.example");
  TestApp service;
  Cli cli;
  String pat;
  String ana;

  @BeforeEach
  void start() {
    Map<String, String> env =
        Map.of("PORT", "0", "NURTURE_DATA_DIR", dir.resolve("data").toString());
    service =
        new TestApp(
            dir.resolve("data"), TestDatabases.Kind.SQLITE, Map.of(), b -> b.emailSender(sender));
    cli = new Cli(env);
    ana = service.signup("ana@example.ca", "Ana");
    service.assess("ana@example.ca", 2, 0);
    pat = service.signup("pat@bouncy.example", "Pat");
    service.assess("pat@bouncy.example", 0, 0);
    service.advance(Duration.ofHours(1), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        new String[][] {
          {"contacts", "list"},
          {"contacts", "show"},
          {"emails", "list"},
          {"emails", "retry"},
          {"emails", "skip"},
          {"sequence", "stop"},
          {"templates", "preview"},
          {"send-test"},
          {"import"}
        }) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      Cli.Result r = cli.run(args);
      assertThat(r.exit()).as(String.join(" ", command)).isZero();
      assertThat(r.out()).contains("Usage: nurture " + String.join(" ", command), "--json");
    }
  }

  @Test
  void contactsListFiltersAndPrintsJson() throws Exception {
    Cli.Result text = cli.run("contacts", "list");
    assertThat(text.exit()).isZero();
    assertThat(text.out())
        .contains("ana@example.ca", "pat@bouncy.example", "CRITICAL", "2 of 2 contact(s)");
    JsonNode json = json(cli.run("contacts", "list", "--segment", "critical", "--json"));
    assertThat(json.get("total").asInt()).isEqualTo(1);
    assertThat(json.at("/contacts/0/email").asText()).isEqualTo("ana@example.ca");
    assertThat(
            json(cli.run("contacts", "list", "--state", "PAUSED", "--json"))
                .at("/contacts/0/id")
                .asText())
        .isEqualTo(pat);
  }

  @Test
  void contactsShowTellsTheWholeStory() throws Exception {
    Cli.Result text = cli.run("contacts", "show", "pat@bouncy.example");
    assertThat(text.out())
        .contains("OPTIMIZE", "sequence: PAUSED", "PARKED", "email_parked", "signed_up");
    JsonNode json = json(cli.run("contacts", "show", ana, "--json"));
    assertThat(json.at("/enrollment/state").asText()).isEqualTo("ACTIVE");
    assertThat(json.at("/emails/0/state").asText()).isEqualTo("SENT");
    assertThat(json.at("/emails/0/provider_message_id").asText()).startsWith("msg-");
    assertThat(cli.run("contacts", "show", "nobody").exit()).isEqualTo(1);
  }

  @Test
  void emailsListShowsRecentAndParked() throws Exception {
    assertThat(cli.run("emails", "list").out()).contains("email_1", "SENT", "PARKED", "2 email(s)");
    JsonNode parked = json(cli.run("emails", "list", "--parked", "--json"));
    assertThat(parked.get("emails")).hasSize(1);
    assertThat(parked.at("/emails/0/last_error").asText()).contains("recipient domain rejected");
    assertThat(cli.run("emails", "list", "--parked").out()).contains("1 parked email(s)");
  }

  @Test
  void emailsRetryQueuesAParkedEmailThatTheServiceThenSends() throws Exception {
    String id = parkedId();
    sender.accept("pat@bouncy.example");
    Cli.Result r = cli.run("emails", "retry", id);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("queued", "now PENDING");
    assertThat(cli.run("emails", "retry", id).exit()).as("no longer parked").isEqualTo(1);
    catchUpWithTheCli();
    assertThat(json(cli.run("contacts", "show", pat, "--json")).at("/emails/0/state").asText())
        .isEqualTo("SENT");
  }

  @Test
  void emailsSkipMovesTheSequenceOn() throws Exception {
    JsonNode r = json(cli.run("emails", "skip", parkedId(), "--json"));
    assertThat(r.at("/email/state").asText()).isEqualTo("SKIPPED");
    JsonNode shown = json(cli.run("contacts", "show", pat, "--json"));
    assertThat(shown.at("/enrollment/state").asText()).isEqualTo("ACTIVE");
    assertThat(shown.at("/enrollment/current_step").asInt()).isEqualTo(2);
    assertThat(cli.run("emails", "skip", "no-such-email").exit()).isEqualTo(1);
  }

  @Test
  void sequenceStopEndsTheSequenceByEmailOrId() throws Exception {
    Cli.Result r = cli.run("sequence", "stop", "ana@example.ca", "--reason", "asked by phone");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("stopped at step 2");
    assertThat(json(cli.run("contacts", "show", ana, "--json")).at("/enrollment/state").asText())
        .isEqualTo("STOPPED");
    assertThat(cli.run("sequence", "stop", ana).exit()).as("already stopped").isEqualTo(1);
    service.advance(Duration.ofDays(8), Duration.ofHours(2));
    assertThat(service.outboxTemplates("ana@example.ca")).isEmpty();
    assertThat(sender.delivered).extracting(e -> e.templateKey()).containsExactly("email_1");
  }

  @Test
  void templatesPreviewRendersForASampleLead() throws Exception {
    Cli.Result r = cli.run("templates", "preview", "email_2b", "--segment", "URGENT");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("template: email_2b", "subject:", "<html", "Sam");
    JsonNode json = json(cli.run("templates", "preview", "email_5a", "--json"));
    assertThat(json.get("template_key").asText()).isEqualTo("email_5a");
    assertThat(json.get("origin").asText()).isIn("default", "config");
    assertThat(cli.run("templates", "preview", "email_9").exit()).isEqualTo(2);
  }

  @Test
  void sendTestGoesThroughTheConfiguredProvider() throws Exception {
    Cli.Result r = cli.run("send-test", "email_3", "--to", "owner@example.ca");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("sent email_3 via outbox");
    assertThat(service.outboxTemplates("owner@example.ca")).containsExactly("email_3");
    String headers =
        service
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select headers from outbox where recipient = 'owner@example.ca'")
                        .mapTo(String.class)
                        .one());
    assertThat(headers).contains("List-Unsubscribe").contains("One-Click");
    assertThat(
            json(cli.run("send-test", "email_1", "--to", "owner@example.ca", "--json"))
                .get("provider")
                .asText())
        .isEqualTo("outbox");
    assertThat(cli.run("send-test", "email_1", "--to", "nope").exit()).isEqualTo(2);
    assertThat(cli.run("send-test", "email_1").exit()).as("--to is required").isEqualTo(2);
  }

  @Test
  void importEnrollsGoodRowsSkipsDuplicatesAndRejectsBadOnesAndTwiceImportsNothingNew()
      throws Exception {
    Path csv = dir.resolve("leads.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "Email,Name,First_Name,Business_Name,red_systems,orange_systems,yellow_systems,green_systems,assessment_score",
            "new.one@example.ca,New One,New,One Ltd,2,0,1,1,40",
            "NEW.ONE@example.ca,Again,,,,,,,",
            "ana@example.ca,Ana T,Ana,,,,,,",
            "not-an-email,Bad,,,,,,,",
            "half@example.ca,Half,,,1,,,,",
            "quiet@example.ca,\"Quiet, Person\",Quiet,Quiet Co,,,,,",
            "big@example.ca,Big,,,5000,0,0,0,",
            "three@example.ca,Three,Tre,,0,1,2,3,88.5",
            ""));
    Cli.Result first = cli.run("import", csv.toString());
    assertThat(first.exit()).as("rows were rejected").isEqualTo(1);
    assertThat(first.out())
        .contains(
            "8 row(s): imported 3 (2 enrolled), skipped 2, rejected 3",
            "row 3: duplicate of row 2",
            "row 4: already a contact",
            "row 5: email is not a valid email address",
            "row 6: orange_systems is required",
            "row 8: red_systems must be between 0 and 1000");
    assertThat(first.err()).contains("[" + "#".repeat(30) + "] 8/8");
    assertThat(first.out()).doesNotContain("not-an-email");

    Cli.Result again = cli.run("import", csv.toString(), "--json");
    assertThat(again.exit()).isEqualTo(1);
    JsonNode second = Json.mapper().readTree(again.out());
    assertThat(second.get("imported").asInt()).isZero();
    assertThat(second.get("skipped")).hasSize(5);
    assertThat(second.get("rejected")).hasSize(3);
    JsonNode critical = json(cli.run("contacts", "list", "--search", "new.one", "--json"));
    assertThat(critical.get("total").asInt()).isEqualTo(1);
    assertThat(critical.at("/contacts/0/state").asText()).isEqualTo("ACTIVE");
    catchUpWithTheCli();
    assertThat(sender.delivered)
        .as("the enrolled rows' first emails; no assessment, no email")
        .extracting(e -> e.to() + " " + e.templateKey())
        .contains("new.one@example.ca email_1", "three@example.ca email_1")
        .noneMatch(line -> line.startsWith("quiet@"));
    assertThat(cli.run("import", dir.resolve("missing.csv").toString()).exit()).isEqualTo(2);
  }

  /**
   * The CLI runs on the wall clock; the service's test clock must reach it to see the CLI's work
   * due.
   */
  private void catchUpWithTheCli() {
    service.clock.settable().set(Instant.now().plusSeconds(1));
    service.runDue();
  }

  private String parkedId() throws Exception {
    return json(cli.run("emails", "list", "--parked", "--json")).at("/emails/0/id").asText();
  }

  private static JsonNode json(Cli.Result r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }
}
