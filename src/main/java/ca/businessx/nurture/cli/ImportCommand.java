package ca.businessx.nurture.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import existing leads from a CSV file and enroll those with an assessment.",
      "Columns: email (required), name, first_name, business_name, and optionally red_systems,"
          + " orange_systems, yellow_systems, green_systems, assessment_score.",
      "Emails that are already contacts, or repeated in the file, are skipped: running it twice imports nothing new."
    })
public final class ImportCommand extends CliCommand {
  private static final int BAR = 30;

  @Parameters(paramLabel = "FILE.csv", description = "The CSV file, UTF-8, with a header row.")
  Path file;

  ImportCommand() {
    super(null);
  }

  ImportCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  int run(Workbench w) throws IOException {
    CsvImport.Summary s;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      s = new CsvImport(w.db, w.intake).run(in, this::progress);
    } catch (NoSuchFileException e) {
      err().println("nurture: no file " + file);
      return BAD_INPUT;
    }
    // Rows refused make the run a partial failure a script must notice, summary printed still.
    int exit = s.rejected().isEmpty() ? 0 : REFUSED;
    if (json) {
      printJson(s);
      return exit;
    }
    out()
        .printf(
            "%d row(s): imported %d (%d enrolled), skipped %d, rejected %d%n",
            s.rows(), s.imported(), s.enrolled(), s.skipped().size(), s.rejected().size());
    if (!s.skipped().isEmpty()) {
      out().println("skipped:");
      s.skipped().forEach(l -> out().println("  row " + l.row() + ": " + l.reason()));
    }
    if (!s.rejected().isEmpty()) {
      out().println("rejected:");
      s.rejected().forEach(l -> out().println("  row " + l.row() + ": " + l.reason()));
    }
    out().flush();
    return exit;
  }

  /** A bar on stderr, redrawn in place, so stdout stays clean for {@code --json} and pipes. */
  private void progress(int done, int total) {
    int filled = total == 0 ? BAR : done * BAR / total;
    err().print("\r[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + done + "/" + total);
    if (done == total) {
      err().println();
    }
    err().flush();
  }
}
