package ca.businessx.nurture.console;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.EmailState;
import ca.businessx.nurture.engagement.EngagementScore;
import ca.businessx.nurture.engagement.Engagements;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.EngagedWaits;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import ca.businessx.nurture.sequence.EnrollmentState;
import ca.businessx.nurture.sequence.SequencePlan;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The searchable list of leads, and one lead's whole story with the actions a person can take. */
final class LeadPages {
  static final int PAGE_SIZE = 20;
  private static final Set<String> SEGMENTS = Set.of("CRITICAL", "URGENT", "OPTIMIZE");
  private static final Set<String> STATES =
      Set.of("ACTIVE", "PAUSED", "COMPLETED", "STOPPED", "NOT_ENROLLED");

  private final Database db;
  private final SequencePlan plan;
  private final Views views;
  private final Engagements engagements;
  private final EngagedWaits waits;
  private final java.time.Clock clock;
  private final LeadQueries queries = new LeadQueries();
  private final ContactRepository contacts = new ContactRepository();
  private final ca.businessx.nurture.sequence.SendPreview preview;
  private static final java.time.format.DateTimeFormatter LOCAL =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final Timeline timeline = new Timeline();

  /**
   * @param locales resolve the zone and language a lead's emails use, to show them as they apply
   */
  LeadPages(
      Database db,
      SequencePlan plan,
      Views views,
      ca.businessx.nurture.contact.LocaleDefaults locales,
      ca.businessx.nurture.sequence.SendPreview preview,
      Engagements engagements,
      EngagedWaits waits,
      java.time.Clock clock) {
    this.waits = waits;
    this.locales = locales;
    this.preview = preview;
    this.db = db;
    this.plan = plan;
    this.views = views;
    this.engagements = engagements;
    this.clock = clock;
  }

  void list(Context ctx) {
    String q = blankToNull(ctx.queryParam("q"));
    String segment = oneOf(ctx.queryParam("segment"), SEGMENTS);
    String state = oneOf(ctx.queryParam("state"), STATES);
    int page = Math.max(1, parse(ctx.queryParam("page")));
    LeadQueries.Page found =
        db.withHandle(
            h ->
                queries.leads(
                    h,
                    new LeadQueries.Filter(q, segment, state),
                    (page - 1) * PAGE_SIZE,
                    PAGE_SIZE));
    Map<String, Object> m = new HashMap<>();
    m.put("q", q);
    m.put("segments", options(SEGMENTS, segment, List.of("CRITICAL", "URGENT", "OPTIMIZE")));
    m.put(
        "states",
        options(
            STATES, state, List.of("ACTIVE", "PAUSED", "COMPLETED", "STOPPED", "NOT_ENROLLED")));
    m.put(
        "rows",
        found.rows().stream()
            .map(
                r ->
                    Map.of(
                        "id",
                        r.id(),
                        "email",
                        r.email(),
                        "name",
                        r.name() == null ? "" : r.name(),
                        "business",
                        r.businessName() == null ? "" : r.businessName(),
                        "segment",
                        r.segment() == null ? "" : r.segment(),
                        "seg_cls",
                        r.segment() == null ? "none" : r.segment().toLowerCase(Locale.ROOT),
                        "state",
                        r.state() == null ? "not enrolled" : r.state(),
                        "step",
                        r.step() == null ? "" : r.step().toString(),
                        "signed_up",
                        Views.time(r.signedUpAt())))
            .toList());
    long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    m.put("total", found.total());
    m.put("page", page);
    m.put("pages", pages);
    String base =
        "/console/leads?q="
            + enc(q)
            + "&segment="
            + enc(segment)
            + "&state="
            + enc(state)
            + "&page=";
    if (page > 1) {
      m.put("prev", base + (page - 1));
    }
    if (page < pages) {
      m.put("next", base + (page + 1));
    }
    views.page(ctx, "leads", "Leads", "leads", m);
  }

  private final ca.businessx.nurture.contact.LocaleDefaults locales;

  private final ca.businessx.nurture.contact.ProfileProposals proposals =
      new ca.businessx.nurture.contact.ProfileProposals();

  void show(Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, Object> m =
        db.withHandle(
            h -> {
              Contact c =
                  contacts
                      .find(h, id)
                      .orElseThrow(
                          () -> new ApiError(404, "contact_not_found", "no contact with id " + id));
              Map<String, Object> v = new HashMap<>();
              v.put("contact", c);
              v.put(
                  "segment_cls",
                  c.segment() == null ? "none" : c.segment().name().toLowerCase(Locale.ROOT));
              v.put("signed_up", Views.time(c.signedUpAt()));
              v.put("assessed", Views.time(c.assessedAt()));
              v.putAll(locale(c.locale()));
              Engagements.Standing standing = engagements.standing(h, id, clock.instant());
              v.put(
                  "engagement",
                  Map.of(
                      "score",
                      EngagementScore.rounded(standing.score()),
                      "last_engaged",
                      standing.lastEngaged().map(Views::time).orElse("never")));
              v.put("score", ConsoleWords.score(c.assessmentScore()));
              Optional<Enrollment> e = enrollments.ofContact(h, id);
              e.ifPresent(en -> v.put("enrollment", enrollment(h, en, c)));
              Map<String, String> languages = emailLanguages(h, id);
              v.put(
                  "emails",
                  emails.ofContact(h, id).stream()
                      .map(LeadPages::email)
                      .peek(em -> em.put("language", languages.get((String) em.get("id"))))
                      .toList());
              // The form's other fields (utm_source...), as the signup sent them.
              v.put(
                  "attributes",
                  new ca.businessx.nurture.contact.ContactAttributes()
                      .of(h, id).entrySet().stream()
                          .map(a -> Map.of("name", a.getKey(), "value", a.getValue()))
                          .toList());
              v.put(
                  "proposals",
                  proposals.open(h, id).stream()
                      .map(
                          p ->
                              Map.of(
                                  "id", p.id(),
                                  "contact_id", p.contactId(),
                                  "field", p.field(),
                                  "value", p.value(),
                                  "at", Views.time(p.proposedAt())))
                      .toList());
              v.put(
                  "timeline",
                  timeline.of(h, id).stream()
                      .map(
                          ev ->
                              Map.of(
                                  "at",
                                  Views.time(ev.at()),
                                  "kind",
                                  ev.kind(),
                                  "sentence",
                                  ConsoleWords.event(ev.kind()),
                                  "detail",
                                  ev.detail() == null ? "" : ev.detail()))
                      .toList());
              return v;
            });
    m.put("back", "/console/leads/" + id);
    views.page(ctx, "lead", "Lead", "leads", m);
  }

  /** The zone and language as they apply, with where each came from, so a default is visible. */
  private Map<String, Object> locale(ca.businessx.nurture.contact.LeadLocale l) {
    Map<String, Object> v = new HashMap<>();
    String zoneFrom =
        l.timezone() != null
            ? "given"
            : l.province() != null ? "main zone of " + l.province().name() : "default";
    v.put("time_zone", locales.zoneOf(l).getId() + " (" + zoneFrom + ")");
    String languageFrom =
        l.language() != null
            ? "given"
            : l.province() == ca.businessx.nurture.calendar.Province.QC
                ? "Quebec default"
                : "default";
    v.put("language", locales.languageOf(l).code() + " (" + languageFrom + ")");
    v.put("province", l.province() == null ? "" : l.province().name());
    v.put("postal_code", l.postalCode() == null ? "" : l.postalCode());
    return v;
  }

  /**
   * A stored email as the lead received it, in a new tab. CSP {@code sandbox} makes the page what a
   * sandboxed frame would: no script, no form, an origin of its own, so an email's HTML can never
   * act as the console.
   */
  void emailHtml(Context ctx) {
    String id = ctx.pathParam("id");
    EmailRecord e =
        db.withHandle(h -> emails.find(h, id))
            .filter(r -> r.html() != null)
            .orElseThrow(() -> new ApiError(404, "email_not_found", "no stored email " + id));
    ctx.header(
        "Content-Security-Policy",
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:");
    ctx.contentType("text/html; charset=utf-8").result(e.html());
  }

  private Map<String, Object> enrollment(org.jdbi.v3.core.Handle h, Enrollment e, Contact c) {
    Map<String, Object> v = new HashMap<>();
    v.put("state", e.state().name());
    v.put("step", e.currentStep());
    v.put("version", e.sequenceVersion());
    v.put("started", Views.time(e.startedAt()));
    v.put("finished", Views.time(e.finishedAt()));
    v.put("stop_reason", e.stopReason());
    boolean running = e.state() == EnrollmentState.ACTIVE || e.state() == EnrollmentState.PAUSED;
    v.put("can_stop", running || e.state() == EnrollmentState.REPLIED);
    v.put("can_send_next", e.state() == EnrollmentState.ACTIVE);
    v.put(
        "can_resume", e.state() == EnrollmentState.REPLIED || e.state() == EnrollmentState.BOOKED);
    if (running && c.segment() != null && e.currentStep() <= plan.size()) {
      v.put("next_template", plan.templateFor(e.currentStep(), c.segment()));
      v.put("next_due", Views.time(e.nextDueAt()));
      // Why then: the decision's own reasons (the wait, an "if engaged" wait after a click...).
      waits
          .nextDue(h, e, c.segment(), clock.instant())
          .ifPresent(d -> v.put("next_why", "due " + Views.day(d.at()) + ": " + d.why()));
      queries.wakeUp(h, e.id()).ifPresent(at -> v.put("wake_up", Views.time(at)));
      // When it leaves, as the decision says, in the lead's own zone.
      preview.of(e, c, clock.instant()).stream()
          .findFirst()
          .ifPresent(
              next -> {
                java.time.ZoneId zone = preview.zoneOf(c);
                v.put("leaves", next.at().atZone(zone).format(LOCAL) + " " + zone.getId());
                v.put("moved_by_window", next.movedByWindow());
              });
    }
    return v;
  }

  /** The language each of a contact's emails was written in (none for emails from before). */
  private static Map<String, String> emailLanguages(org.jdbi.v3.core.Handle h, String contactId) {
    Map<String, String> out = new HashMap<>();
    h.createQuery("select id, language from emails where contact_id = :c and language is not null")
        .bind("c", contactId)
        .map((rs, ctx) -> out.put(rs.getString("id"), rs.getString("language")))
        .list();
    return out;
  }

  private static Map<String, Object> email(EmailRecord e) {
    Map<String, Object> v = new HashMap<>();
    v.put("id", e.id());
    v.put("step", e.step());
    v.put("template", e.templateKey());
    v.put("origin", e.templateOrigin());
    v.put("subject", e.subject());
    v.put("state", e.state().name());
    v.put("state_cls", e.state().name().toLowerCase(Locale.ROOT));
    v.put("provider", e.provider());
    v.put("provider_id", e.providerMessageId());
    v.put("attempts", e.attempts());
    v.put("last_error", e.lastError());
    v.put("due", Views.time(e.dueAt()));
    v.put("sent", Views.time(e.sentAt()));
    v.put("parked", e.state() == EmailState.PARKED);
    v.put("readable", e.html() != null && !e.html().isEmpty());
    return v;
  }

  private static List<Map<String, Object>> options(
      Set<String> allowed, String selected, List<String> order) {
    return order.stream()
        .filter(allowed::contains)
        .map(o -> Map.<String, Object>of("value", o, "selected", o.equals(selected)))
        .toList();
  }

  private static String oneOf(String value, Set<String> allowed) {
    return value != null && allowed.contains(value) ? value : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static int parse(String s) {
    try {
      return s == null ? 1 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String enc(String s) {
    return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
