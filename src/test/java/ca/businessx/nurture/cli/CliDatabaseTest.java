package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command says which database it opened, and never makes an empty one where there is none. */
class CliDatabaseTest {
  @TempDir Path dir;

  @Test
  void aCommandWhereThereIsNoDatabaseSaysWhereItLookedAndCreatesNothing() {
    Path elsewhere = dir.resolve("elsewhere/data");
    Cli.Result r =
        new Cli(Map.of("PORT", "0", "NURTURE_DATA_DIR", elsewhere.toString()))
            .run("contacts", "list");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("no database at " + elsewhere.resolve("nurture.db").toAbsolutePath())
        .contains("NURTURE_DATA_DIR", "nurture migrate");
    assertThat(r.out()).doesNotContain("0 of 0");
    assertThat(Files.exists(elsewhere)).as("no data folder made").isFalse();
  }

  @Test
  void aCommandNamesTheDatabaseItOpenedOnStderr() throws Exception {
    Path data = dir.resolve("data");
    try (TestApp service = new TestApp(data, TestDatabases.Kind.SQLITE, Map.of())) {
      service.signup("ana@example.ca", "Ana");
      Cli.Result r =
          new Cli(Map.of("PORT", "0", "NURTURE_DATA_DIR", data.toString()))
              .run("contacts", "list", "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.err()).contains("database " + data.resolve("nurture.db").toAbsolutePath());
      assertThat(r.out()).doesNotContain("nurture.db");
    }
  }
}
