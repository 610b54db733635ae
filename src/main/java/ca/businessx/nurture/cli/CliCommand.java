package ca.businessx.nurture.cli;

import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigException;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.platform.NurtureException;
import ca.businessx.nurture.sequence.SequenceControlException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The common frame of the data commands: the configuration (the same as {@code serve}'s), a {@link
 * Workbench} on the database, {@code --json}, and exit codes: 0 done, 1 refused or not found, 2 bad
 * configuration or input.
 */
abstract class CliCommand implements Callable<Integer> {
  static final int REFUSED = 1;
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  private final Map<String, String> env;

  /**
   * @param env the environment to configure from; null means the process's, plus {@code .env}
   */
  CliCommand(Map<String, String> env) {
    this.env = env;
  }

  abstract int run(Workbench w) throws Exception;

  @Override
  public Integer call() throws Exception {
    Config config;
    try {
      config = ConfigLoader.load(env != null ? env : ConfigLoader.environment(Path.of("")));
    } catch (ConfigException e) {
      err().println("nurture: invalid configuration:");
      e.problems().forEach(p -> err().println("  " + p));
      return BAD_INPUT;
    }
    // The data folder follows the current directory: run elsewhere, a command would quietly make
    // an empty database and report "0 contacts". Say where it looked instead, and which it opened.
    Optional<Path> file = Database.sqliteFile(config.db(), config.dataDir());
    if (needsExistingDatabase() && file.isPresent() && !Files.exists(file.get())) {
      err().println("nurture: no database at " + file.get());
      err()
          .println(
              "  run the command where the service keeps its data, set NURTURE_DATA_DIR to that"
                  + " folder, or create one with: nurture migrate");
      return REFUSED;
    }
    err().println("nurture: database " + file.map(Path::toString).orElseGet(() -> where(config)));
    err().flush();
    Workbench w;
    try {
      w = Workbench.open(config);
    } catch (NurtureException e) {
      // A configuration file the settings point at (sequence.json, a template) is configuration.
      err().println("nurture: invalid configuration:");
      err().println("  " + e.getMessage());
      return BAD_INPUT;
    }
    try (w) {
      return run(w);
    } catch (SequenceControlException e) {
      err().println("nurture: " + e.getMessage());
      return REFUSED;
    } catch (NurtureException e) {
      err().println("nurture: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  /** False for a command that works before the service has ever run (and made its database). */
  boolean needsExistingDatabase() {
    return true;
  }

  /** A server database as host and name: its URL without user, password or other parameters. */
  private static String where(Config config) {
    return config.db().url().orElse("").replaceFirst("\\?.*$", "").replaceFirst("//[^@/]*@", "//");
  }

  /** Says so, naming the keys there are, when the sequence has no such template. */
  boolean knownTemplate(Workbench w, String key) {
    if (w.plan.templateKeys().contains(key)) {
      return true;
    }
    err().println("nurture: no template " + key + "; the sequence uses " + w.plan.templateKeys());
    return false;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  void printJson(Object value) {
    try {
      out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out().flush();
  }
}
