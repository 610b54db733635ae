package ca.businessx.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documents a reader outside the team opens first say nothing stale or internal. */
class DocumentationTest {
  @Test
  void benchmarksCarryCommandsFiguresAndCausesNotTeamNotes() throws Exception {
    String benchmarks = Files.readString(Path.of("BENCHMARKS.md"));
    assertThat(benchmarks)
        .doesNotContainIgnoringCase("engineer")
        .doesNotContain("branch `")
        .doesNotContain("on `main`")
        .doesNotContain("this session");
  }

  @Test
  void theReadmeHasNoStaleConsoleNotes() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme)
        .doesNotContain("read 0 until those features record them")
        .doesNotContain("appears once the database has a Notion sync");
  }

  @Test
  void theQuickStartDemoCanBeRepeatedAndNeedsNoParticularJava() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String quickStart =
        readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## What"));
    assertThat(quickStart)
        .contains("NURTURE_DATA_DIR=$(mktemp -d)", "rm -rf data", "bin/nurture", "JDK 21")
        .doesNotContain("java -jar target/nurture.jar serve");
    assertThat(Path.of("bin/nurture")).isExecutable();
  }
}
