package ca.businessx.nurture.cli;

import ca.businessx.nurture.privacy.ContactPrivacy;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "contact",
    mixinStandardHelpOptions = true,
    description = "A person's data rights: export everything held about them, or erase it.",
    subcommands = {ContactCommand.Export.class, ContactCommand.Forget.class})
public final class ContactCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Print everything held about a contact as JSON (always JSON).")
  static final class Export extends CliCommand {
    @Parameters(paramLabel = "EMAIL", description = "The contact's email address.")
    String email;

    Export() {
      super(null);
    }

    Export(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      Optional<Map<String, Object>> all = w.wiring.privacy.export(email);
      if (all.isEmpty()) {
        err().println("nurture: no contact with that email");
        return REFUSED;
      }
      printJson(all.get());
      return 0;
    }
  }

  @Command(
      name = "forget",
      mixinStandardHelpOptions = true,
      description =
          "Erase a contact's personal data here and archive its CRM record; the address"
              + " stays suppressed (hashed) so it is never mailed again.")
  static final class Forget extends CliCommand {
    @Parameters(paramLabel = "EMAIL", description = "The contact's email address.")
    String email;

    Forget() {
      super(null);
    }

    Forget(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      Optional<ContactPrivacy.Erasure> done = w.wiring.privacy.forget(email);
      if (done.isEmpty()) {
        err().println("nurture: no contact with that email");
        return REFUSED;
      }
      if (json) {
        printJson(
            Map.of(
                "contact_id",
                done.get().contactId(),
                "erased",
                true,
                "crm_archive_queued",
                done.get().crmArchiveQueued()));
      } else {
        out()
            .println(
                "contact "
                    + done.get().contactId()
                    + " erased; the address stays suppressed"
                    + (done.get().crmArchiveQueued()
                        ? "; its CRM record will be archived by the running service"
                        : ""));
        out().flush();
      }
      return 0;
    }
  }
}
