package ca.businessx.nurture.cli;

import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.sequence.Enrollment;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sequence",
    mixinStandardHelpOptions = true,
    description = "Steer a contact's sequence.",
    subcommands = {SequenceCommand.Stop.class})
public final class SequenceCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stop a contact's sequence: unsent emails are cancelled, nothing more goes out.")
  static final class Stop extends CliCommand {
    @Parameters(paramLabel = "CONTACT", description = "The contact's id or email address.")
    String contact;

    @Option(
        names = "--reason",
        defaultValue = "stopped by an operator",
        description = "Why, for the timeline; no personal data (default: ${DEFAULT-VALUE}).")
    String reason;

    Stop() {
      super(null);
    }

    Stop(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      String id =
          contact.contains("@")
              ? w.db
                  .withHandle(
                      h ->
                          new ContactRepository()
                              .findByEmail(h, contact.trim().toLowerCase(Locale.ROOT)))
                  .map(c -> c.id())
                  .orElse(contact)
              : contact;
      Enrollment e = w.control.stop(id, reason);
      if (json) {
        printJson(Map.of("enrollment", e));
      } else {
        out().println("sequence of contact " + id + " stopped at step " + e.currentStep());
        out().flush();
      }
      return 0;
    }
  }
}
