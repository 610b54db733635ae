package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Editing the sequence makes a new version for new leads only; a person lists, compares and moves
 * leads between versions from the command line.
 */
class SequenceVersionsCliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void anEditPinsNewLeadsOnlyAndMigrateMovesTheOthersExplicitly(TestDatabases.Kind kind)
      throws Exception {
    Map<String, String> env = new HashMap<>(TestDatabases.env(kind));
    env.put("PORT", "0");
    env.put("NURTURE_DATA_DIR", dir.resolve("data").toString());
    String ana;
    try (TestApp first = new TestApp(dir.resolve("data"), kind, env)) {
      ana = first.signup("ana@example.ca", "Ana");
      first.assess("ana@example.ca", 2, 0);
      first.advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
    }
    // The same file again is the same version.
    try (TestApp again = new TestApp(dir.resolve("data"), kind, env)) {
      assertThat(pinned(again, ana)).isEqualTo(1);
    }

    Map<String, String> edited = new HashMap<>(env);
    edited.put("SEQUENCE_WAITS", "PT1H,PT2H,PT3H,PT4H");
    String bo;
    try (TestApp second = new TestApp(dir.resolve("data"), kind, edited)) {
      bo = second.signup("bo@example.ca", "Bo");
      second.assess("bo@example.ca", 0, 1);
      assertThat(pinned(second, ana)).isEqualTo(1);
      assertThat(pinned(second, bo)).isEqualTo(2);
    }

    Cli cli = new Cli(edited);
    JsonNode versions = Json.mapper().readTree(cli.run("sequence", "versions", "--json").out());
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("enrollments").asInt()).isEqualTo(1);
    assertThat(versions.get(1).get("current").asBoolean()).isTrue();
    assertThat(cli.run("sequence", "versions").out()).contains("2 (current)");

    Cli.Result diff = cli.run("sequence", "diff", "1", "2");
    assertThat(diff.exit()).isZero();
    assertThat(diff.out())
        .contains("step 2 wait PT24H -> PT1H", "step 5 wait PT48H -> PT4H")
        .doesNotContain("template");

    Cli.Result dry = cli.run("sequence", "migrate", "--from", "1", "--to", "2", "--dry-run");
    assertThat(dry.exit()).isZero();
    assertThat(dry.out()).contains(ana, "dry run", "nothing changed");
    try (TestApp look = new TestApp(dir.resolve("data"), kind, edited)) {
      assertThat(pinned(look, ana)).isEqualTo(1);
    }

    Cli.Result moved = cli.run("sequence", "migrate", "--from", "1", "--to", "2", "--json");
    JsonNode lead = Json.mapper().readTree(moved.out()).get(0);
    assertThat(lead.get("contact").asText()).isEqualTo(ana);
    assertThat(lead.get("step_before").asInt()).isEqualTo(2);
    assertThat(lead.get("step_after").asInt()).isEqualTo(2);
    assertThat(lead.get("applied").asBoolean()).isTrue();
    assertThat(Instant.parse(lead.get("due_after").asText()))
        .isEqualTo(TestApp.START.plus(Duration.ofHours(1)));
    try (TestApp after = new TestApp(dir.resolve("data"), kind, edited)) {
      assertThat(pinned(after, ana)).isEqualTo(2);
      assertThat(after.http.get("/console/leads/" + ana).status()).isIn(200, 302, 401);
    }

    assertThat(cli.run("sequence", "diff", "1", "7").err()).contains("no sequence version 7");
  }

  private static int pinned(TestApp app, String contactId) {
    return app.jdbi()
        .withHandle(
            h ->
                h.createQuery("select sequence_version from enrollments where contact_id = :c")
                    .bind("c", contactId)
                    .mapTo(Integer.class)
                    .one());
  }
}
