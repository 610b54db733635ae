package ca.businessx.nurture.cli;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import ca.businessx.nurture.sequence.NextStep;
import ca.businessx.nurture.sequence.SequenceDiff;
import ca.businessx.nurture.sequence.SequenceMigrator;
import ca.businessx.nurture.sequence.SequenceVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sequence",
    mixinStandardHelpOptions = true,
    description = "Steer a contact's sequence; list, compare and move between sequence versions.",
    subcommands = {
      SequenceCommand.Stop.class,
      SequenceCommand.Resume.class,
      SequenceCommand.Versions.class,
      SequenceCommand.Diff.class,
      SequenceCommand.Migrate.class,
      SequenceCommand.Preview.class
    })
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

    /** An id as given, or the id of the contact with this email address. */
    static String contactId(Workbench w, String contact) {
      return contact.contains("@")
          ? w.db
              .withHandle(
                  h ->
                      new ContactRepository()
                          .findByEmail(h, contact.trim().toLowerCase(Locale.ROOT)))
              .map(c -> c.id())
              .orElse(contact)
          : contact;
    }

    @Override
    int run(Workbench w) {
      String id = contactId(w, contact);
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

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description =
          "Resume a sequence a reply paused or a booking ended: its next email waits its full"
              + " pause from now.")
  static final class Resume extends CliCommand {
    @Parameters(paramLabel = "CONTACT", description = "The contact's id or email address.")
    String contact;

    Resume() {
      super(null);
    }

    Resume(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      String id = Stop.contactId(w, contact);
      Enrollment e = w.control.resume(id);
      if (json) {
        printJson(Map.of("enrollment", e));
      } else {
        out()
            .println(
                "sequence of contact "
                    + id
                    + " resumed at step "
                    + e.currentStep()
                    + ", due "
                    + e.nextDueAt());
        out().flush();
      }
      return 0;
    }
  }

  @Command(
      name = "versions",
      mixinStandardHelpOptions = true,
      description = "List every sequence version, the current one marked, with its pinned leads.")
  static final class Versions extends CliCommand {
    Versions() {
      super(null);
    }

    Versions(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      SequenceVersions versions = w.wiring.versions;
      List<SequenceVersions.Version> all = versions.all();
      if (json) {
        printJson(
            all.stream()
                .map(
                    v ->
                        Map.of(
                            "version", v.number(),
                            "current", v.number() == versions.current(),
                            "hash", v.hash(),
                            "created_at", v.createdAt().toString(),
                            "steps", versions.plan(v.number()).size(),
                            "enrollments", v.enrollments()))
                .toList());
        return 0;
      }
      Table t = new Table("VERSION", "CREATED", "STEPS", "LEADS", "HASH");
      for (SequenceVersions.Version v : all) {
        t.row(
            v.number() + (v.number() == versions.current() ? " (current)" : ""),
            v.createdAt().toString(),
            String.valueOf(versions.plan(v.number()).size()),
            String.valueOf(v.enrollments()),
            v.hash().substring(0, 12));
      }
      t.print(out());
      out().flush();
      return 0;
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "Show what changed from version A to version B, one line per change.")
  static final class Diff extends CliCommand {
    @Parameters(index = "0", paramLabel = "A")
    int from;

    @Parameters(index = "1", paramLabel = "B")
    int to;

    Diff() {
      super(null);
    }

    Diff(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      List<String> lines =
          SequenceDiff.between(w.wiring.versions.plan(from), w.wiring.versions.plan(to));
      if (json) {
        printJson(Map.of("from", from, "to", to, "changes", lines));
      } else {
        if (lines.isEmpty()) {
          out().println("versions " + from + " and " + to + " are the same");
        }
        lines.forEach(out()::println);
        out().flush();
      }
      return 0;
    }
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description =
          "Move the leads in flight on one version to another: each keeps its step number, due on"
              + " the new version's schedule; a lead past the new version's last step completes.")
  static final class Migrate extends CliCommand {
    @Option(names = "--from", required = true, paramLabel = "A")
    int from;

    @Option(names = "--to", required = true, paramLabel = "B")
    int to;

    @Option(names = "--dry-run", description = "Print what would happen and change nothing.")
    boolean dryRun;

    Migrate() {
      super(null);
    }

    Migrate(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      if (from == to) {
        err().println("nurture: --from and --to are the same version");
        return BAD_INPUT;
      }
      List<SequenceMigrator.Outcome> outcomes =
          new SequenceMigrator(w.db, w.wiring.versions)
              .migrate(from, to, dryRun, w.clock.instant());
      if (json) {
        printJson(
            outcomes.stream()
                .map(
                    o -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("contact", o.move().contactId());
                      m.put("enrollment", o.move().enrollmentId());
                      m.put("step_before", o.move().fromStep());
                      m.put("step_after", o.move().toStep().orElse(null));
                      m.put("due_after", o.move().toDue().map(Object::toString).orElse(null));
                      m.put("applied", o.applied());
                      return m;
                    })
                .toList());
        return 0;
      }
      Table t = new Table("CONTACT", "STEP BEFORE", "STEP AFTER", "DUE AFTER", "RESULT");
      for (SequenceMigrator.Outcome o : outcomes) {
        t.row(
            o.move().contactId(),
            String.valueOf(o.move().fromStep()),
            o.move().toStep().map(String::valueOf).orElse("completes"),
            o.move().toDue().map(Object::toString).orElse("-"),
            dryRun ? "dry run" : o.applied() ? "moved" : "skipped (it moved on meanwhile)");
      }
      t.print(out());
      out()
          .println(
              outcomes.size()
                  + " lead(s) in flight on version "
                  + from
                  + (dryRun ? "; nothing changed (dry run)" : "; moved to version " + to));
      out().flush();
      return 0;
    }
  }

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description =
          "Print when each of a lead's remaining emails would leave, in the lead's zone, if nothing"
              + " else happened (the send window and the waits as the send loop applies them).")
  static final class Preview extends CliCommand {
    private static final java.time.format.DateTimeFormatter LOCAL =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (EEE)", Locale.ROOT);

    @Option(
        names = "--lead",
        required = true,
        paramLabel = "CONTACT",
        description = "The lead's contact id or email address.")
    String lead;

    Preview() {
      super(null);
    }

    Preview(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      ContactRepository contacts = new ContactRepository();
      java.util.Optional<Contact> found =
          w.db.withHandle(
              h ->
                  lead.contains("@")
                      ? contacts.findByEmail(h, lead.trim().toLowerCase(Locale.ROOT))
                      : contacts.find(h, lead));
      if (found.isEmpty()) {
        err().println("nurture: no lead with that id or email address");
        return BAD_INPUT;
      }
      Contact c = found.get();
      java.util.Optional<Enrollment> enrolled =
          w.db.withHandle(h -> new EnrollmentRepository().ofContact(h, c.id()));
      if (enrolled.isEmpty()) {
        err().println("nurture: lead " + c.id() + " has no sequence");
        return REFUSED;
      }
      Enrollment e = enrolled.get();
      List<NextStep.Planned> planned = w.wiring.preview.of(e, c, w.clock.instant());
      java.time.ZoneId zone = w.wiring.preview.zoneOf(c);
      if (json) {
        printJson(
            Map.of(
                "contact",
                c.id(),
                "zone",
                zone.getId(),
                "emails",
                planned.stream()
                    .map(
                        p ->
                            Map.of(
                                "step", p.step(),
                                "template", p.template(),
                                "at", p.at().toString(),
                                "local", p.at().atZone(zone).toLocalDateTime().toString(),
                                "moved_by_window", p.movedByWindow()))
                    .toList()));
        return 0;
      }
      if (planned.isEmpty()) {
        out().println("lead " + c.id() + ": nothing more to send (" + e.state() + ")");
        out().flush();
        return 0;
      }
      Table t = new Table("STEP", "TEMPLATE", "LEAVES (" + zone.getId() + ")", "UTC", "NOTE");
      for (NextStep.Planned p : planned) {
        t.row(
            String.valueOf(p.step()),
            p.template(),
            p.at().atZone(zone).format(LOCAL),
            p.at().toString(),
            p.movedByWindow() ? "moved by the send window" : "");
      }
      t.print(out());
      out().flush();
      return 0;
    }
  }
}
