package ca.businessx.nurture.cli;

import ca.businessx.nurture.crm.NotionWiring;
import ca.businessx.nurture.notion.NotionSchemaCheck;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
    name = "notion",
    mixinStandardHelpOptions = true,
    description = "Check or set up the Notion databases Nurture uses.",
    subcommands = {NotionCommand.Check.class, NotionCommand.Setup.class})
public final class NotionCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Shared by both: Notion must be configured, and problems print one per line. */
  abstract static class SchemaCommand extends CliCommand {
    SchemaCommand(Map<String, String> env) {
      super(env);
    }

    abstract List<String> act(NotionSchemaCheck check);

    /** Run while setting up, before the service first starts: no contact data is read. */
    @Override
    boolean needsExistingDatabase() {
      return false;
    }

    abstract String verb();

    @Override
    int run(Workbench w) {
      if (w.wiring.notion.isEmpty()) {
        err()
            .println(
                "nurture: Notion is not configured; set NOTION_API_KEY and NOTION_CONTACTS_DB_ID");
        return BAD_INPUT;
      }
      List<String> problems = act(w.wiring.notion.map(NotionWiring::schemaCheck).orElseThrow());
      if (json) {
        printJson(Map.of("ok", problems.isEmpty(), "problems", problems));
      } else if (problems.isEmpty()) {
        out().println("Notion databases " + verb() + ": every property Nurture needs is there.");
      } else {
        out().println("Notion databases have " + problems.size() + " problem(s):");
        problems.forEach(p -> out().println("  - " + p));
      }
      out().flush();
      return problems.isEmpty() ? 0 : REFUSED;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Report missing or mistyped properties and unreachable databases; exit 1 on problems.")
  static final class Check extends SchemaCommand {
    Check() {
      this(null);
    }

    Check(Map<String, String> env) {
      super(env);
    }

    @Override
    List<String> act(NotionSchemaCheck check) {
      return check.check();
    }

    @Override
    String verb() {
      return "checked";
    }
  }

  @Command(
      name = "setup",
      mixinStandardHelpOptions = true,
      description = "Add the missing properties and options, then check again.")
  static final class Setup extends SchemaCommand {
    Setup() {
      this(null);
    }

    Setup(Map<String, String> env) {
      super(env);
    }

    @Override
    List<String> act(NotionSchemaCheck check) {
      return check.setup();
    }

    @Override
    String verb() {
      return "set up";
    }
  }
}
