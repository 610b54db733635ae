package ca.businessx.nurture.cli;

import ca.businessx.nurture.console.LeadQueries;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "emails",
    mixinStandardHelpOptions = true,
    description = "List sequence emails; retry or skip a parked one.",
    subcommands = {
      EmailsCommand.ListEmails.class,
      EmailsCommand.Retry.class,
      EmailsCommand.Skip.class
    })
public final class EmailsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Recent emails, newest first.")
  static final class ListEmails extends CliCommand {
    @Option(
        names = "--contact",
        paramLabel = "ID|EMAIL",
        description = "Only this contact's emails (its id or email address).")
    String contact;

    @Option(names = "--parked", description = "Only parked emails, which wait for a person.")
    boolean parked;

    @Option(
        names = "--limit",
        defaultValue = "50",
        description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    ListEmails() {
      super(null);
    }

    ListEmails(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      if (parked) {
        List<LeadQueries.ParkedEmail> rows = w.db.withHandle(h -> new LeadQueries().parked(h));
        if (json) {
          printJson(Map.of("emails", rows));
          return 0;
        }
        Table t = new Table("EMAIL ID", "CONTACT", "STEP", "TEMPLATE", "ATTEMPTS", "REASON");
        rows.forEach(
            r -> t.row(r.id(), r.email(), r.step(), r.templateKey(), r.attempts(), r.lastError()));
        t.print(out());
        out().println(rows.size() + " parked email(s)");
        return 0;
      }
      Optional<String> contactId = Optional.empty();
      if (contact != null) {
        contactId = w.db.withHandle(h -> ContactsCommand.find(h, contact)).map(c -> c.id());
        if (contactId.isEmpty()) {
          err().println("nurture: no contact " + contact);
          return REFUSED;
        }
      }
      Optional<String> only = contactId;
      List<Map<String, Object>> rows =
          w.db.withHandle(h -> new EmailRepository().recent(h, only, Math.max(1, limit))).stream()
              .map(EmailRecord::summary)
              .toList();
      if (json) {
        printJson(Map.of("emails", rows));
        return 0;
      }
      Table t =
          new Table("EMAIL ID", "CONTACT ID", "STEP", "TEMPLATE", "STATE", "PROVIDER", "SENT");
      rows.forEach(
          m ->
              t.row(
                  m.get("id"),
                  m.get("contact_id"),
                  m.get("step"),
                  m.get("template"),
                  m.get("state"),
                  m.get("provider"),
                  m.get("sent_at")));
      t.print(out());
      out().println(rows.size() + " email(s)");
      return 0;
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description = "Try a parked email again (fresh retry budget) and resume its sequence.")
  static final class Retry extends CliCommand {
    @Parameters(paramLabel = "ID", description = "The parked email's id.")
    String id;

    Retry() {
      super(null);
    }

    Retry(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      return report(
          this,
          w.control.retry(id),
          "queued for another try; a running service sends it within moments");
    }
  }

  @Command(
      name = "skip",
      mixinStandardHelpOptions = true,
      description = "Give up on a parked email and move its sequence on to the next step.")
  static final class Skip extends CliCommand {
    @Parameters(paramLabel = "ID", description = "The parked email's id.")
    String id;

    Skip() {
      super(null);
    }

    Skip(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      return report(this, w.control.skip(id), "skipped; the sequence moves on");
    }
  }

  private static int report(CliCommand c, EmailRecord e, String words) {
    if (c.json) {
      c.printJson(Map.of("email", e.summary()));
    } else {
      c.out()
          .println(
              "email "
                  + e.id()
                  + " (step "
                  + e.step()
                  + ", "
                  + e.templateKey()
                  + ") "
                  + words
                  + ": now "
                  + e.state());
      c.out().flush();
    }
    return 0;
  }
}
