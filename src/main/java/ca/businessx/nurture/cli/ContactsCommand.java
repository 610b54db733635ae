package ca.businessx.nurture.cli;

import ca.businessx.nurture.console.LeadQueries;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "contacts",
    mixinStandardHelpOptions = true,
    description = "List and show contacts.",
    subcommands = {ContactsCommand.ListContacts.class, ContactsCommand.Show.class})
public final class ContactsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List contacts, newest first.")
  static final class ListContacts extends CliCommand {
    @Option(names = "--search", description = "Only emails containing this text.")
    String search;

    @Option(names = "--segment", description = "CRITICAL, URGENT or OPTIMIZE.")
    String segment;

    @Option(names = "--state", description = "ACTIVE, PAUSED, COMPLETED, STOPPED or NOT_ENROLLED.")
    String state;

    @Option(
        names = "--limit",
        defaultValue = "50",
        description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    ListContacts() {
      super(null);
    }

    ListContacts(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      LeadQueries.Filter filter = new LeadQueries.Filter(search, upper(segment), upper(state));
      LeadQueries.Page page =
          w.db.withHandle(h -> new LeadQueries().leads(h, filter, 0, Math.max(1, limit)));
      if (json) {
        printJson(Map.of("total", page.total(), "contacts", page.rows()));
        return 0;
      }
      Table t = new Table("ID", "EMAIL", "SEGMENT", "SEQUENCE", "STEP", "SIGNED UP");
      page.rows()
          .forEach(
              r ->
                  t.row(
                      r.id(),
                      r.email(),
                      r.segment(),
                      r.state() == null ? "not enrolled" : r.state(),
                      r.step(),
                      r.signedUpAt()));
      t.print(out());
      out().println(page.rows().size() + " of " + page.total() + " contact(s)");
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a contact's profile, sequence, emails and timeline.")
  static final class Show extends CliCommand {
    @Parameters(paramLabel = "CONTACT", description = "The contact's id or email address.")
    String contact;

    Show() {
      super(null);
    }

    Show(Map<String, String> env) {
      super(env);
    }

    /** One contact's whole story, as printed (and as {@code --json} writes it). */
    record View(
        Contact contact,
        Enrollment enrollment,
        List<Map<String, Object>> emails,
        List<Timeline.Event> timeline) {}

    @Override
    int run(Workbench w) {
      View view =
          w.db.withHandle(
              h -> {
                Contact c = find(h, contact).orElse(null);
                return c == null
                    ? null
                    : new View(
                        c,
                        new EnrollmentRepository().ofContact(h, c.id()).orElse(null),
                        new EmailRepository()
                            .ofContact(h, c.id()).stream().map(EmailRecord::summary).toList(),
                        new Timeline().of(h, c.id()));
              });
      if (view == null) {
        err().println("nurture: no contact " + contact);
        return REFUSED;
      }
      if (json) {
        printJson(view);
        return 0;
      }
      Contact c = view.contact();
      out().printf("%s  %s%n", c.email(), c.segment() == null ? "(not assessed)" : c.segment());
      out()
          .printf(
              "id %s; name %s; business %s; signed up %s%n",
              c.id(), shown(c.name()), shown(c.businessName()), c.signedUpAt());
      if (c.assessedAt() != null) {
        out()
            .printf(
                "assessment: red %d, orange %d, yellow %d, green %d, score %s (%s)%n",
                c.redSystems(),
                c.orangeSystems(),
                c.yellowSystems(),
                c.greenSystems(),
                c.assessmentScore(),
                c.assessedAt());
      }
      Enrollment e = view.enrollment();
      out()
          .println(
              e == null
                  ? "sequence: not enrolled"
                  : "sequence: "
                      + e.state()
                      + ", step "
                      + e.currentStep()
                      + (e.nextDueAt() == null ? "" : ", next due " + e.nextDueAt()));
      Table emails = new Table("EMAIL ID", "STEP", "TEMPLATE", "STATE", "PROVIDER ID", "SENT");
      view.emails()
          .forEach(
              m ->
                  emails.row(
                      m.get("id"),
                      m.get("step"),
                      m.get("template"),
                      m.get("state"),
                      m.get("provider_message_id"),
                      m.get("sent_at")));
      emails.print(out());
      out().println("timeline:");
      view.timeline()
          .forEach(
              ev ->
                  out()
                      .printf(
                          "  %s  %s%s%n",
                          ev.at(), ev.kind(), ev.detail() == null ? "" : "  " + ev.detail()));
      out().flush();
      return 0;
    }
  }

  /** A contact by id or, when it has an @, by email address. */
  static java.util.Optional<Contact> find(org.jdbi.v3.core.Handle h, String idOrEmail) {
    ContactRepository contacts = new ContactRepository();
    return idOrEmail.contains("@")
        ? contacts.findByEmail(h, idOrEmail.trim().toLowerCase(Locale.ROOT))
        : contacts.find(h, idOrEmail.trim());
  }

  /** An empty or erased field reads "-", not "null". */
  static String shown(Object value) {
    return value == null ? "-" : value.toString();
  }

  static String upper(String s) {
    return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
  }
}
