package ca.businessx.nurture.cli;

import ca.businessx.nurture.doctor.Check;
import ca.businessx.nurture.doctor.Doctor;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigException;
import ca.businessx.nurture.platform.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nurture doctor}: one line per check with what to do, exit 1 when any fails. Unlike the
 * data commands it neither migrates nor refuses on a bad configuration: a bad setting is one of the
 * things it reports.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Check the configuration and each outside system it names (database, Resend or SMTP,"
            + " Discord, Twilio, Notion); one line per check, exit 1 when any fails.")
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  private final Map<String, String> env;

  DoctorCommand() {
    this(null);
  }

  DoctorCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<Check> checks;
    try {
      Config config = ConfigLoader.load(env != null ? env : ConfigLoader.environment(Path.of("")));
      checks = new Doctor(config, Workbench.CLOCK).run();
    } catch (ConfigException e) {
      checks =
          e.problems().stream()
              .map(p -> new Check("configuration", false, p, "fix it in the environment or .env"))
              .toList();
    }
    var out = spec.commandLine().getOut();
    checks.forEach(c -> out.println(c.line()));
    long failed = checks.stream().filter(c -> !c.ok()).count();
    out.println(
        failed == 0
            ? "all " + checks.size() + " checks passed"
            : failed + " of " + checks.size() + " checks failed");
    out.flush();
    return failed == 0 ? 0 : CliCommand.REFUSED;
  }
}
