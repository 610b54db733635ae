package ca.businessx.nurture.console;

import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.sequence.SequencePlan;
import ca.businessx.nurture.template.RenderedEmail;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The follow-up queue, template previews, and the login form. */
final class OtherPages {
  private final Database db;
  private final EmailComposer composer;
  private final SequencePlan plan;
  private final Views views;
  private final ConsoleAuth auth;
  private final SubjectTestActions subjectTests;
  private final LeadQueries queries = new LeadQueries();

  private final String sender;

  /**
   * @param sender how email leaves, named in a parked email's next step
   */
  OtherPages(
      Database db,
      EmailComposer composer,
      SequencePlan plan,
      Views views,
      ConsoleAuth auth,
      SubjectTestActions subjectTests,
      String sender) {
    this.sender = sender;
    this.db = db;
    this.composer = composer;
    this.plan = plan;
    this.views = views;
    this.auth = auth;
    this.subjectTests = subjectTests;
  }

  void followUp(Context ctx) {
    List<Map<String, Object>> rows =
        db.withHandle(h -> queries.parked(h)).stream()
            .map(
                p -> {
                  Map<String, Object> m = new HashMap<>();
                  m.put("id", p.id());
                  m.put("contact_id", p.contactId());
                  m.put("email", p.email());
                  m.put("step", p.step());
                  m.put("template", p.templateKey());
                  m.put("attempts", p.attempts());
                  m.put("reason", p.lastError() == null ? "no reason recorded" : p.lastError());
                  m.put("next_step", ConsoleWords.nextStep(p.lastError(), sender));
                  m.put("parked_at", Views.time(p.parkedAt()));
                  return m;
                })
            .toList();
    List<Map<String, Object>> replied = db.withHandle(OtherPages::replied);
    List<Map<String, Object>> failed = db.withHandle(OtherPages::failedAfterSending);
    views.page(
        ctx,
        "follow-up",
        "Follow-up",
        "followup",
        Map.of(
            "rows",
            rows,
            "count",
            rows.size(),
            "replied",
            replied,
            "replied_count",
            replied.size(),
            "failed",
            failed,
            "has_failed",
            !failed.isEmpty(),
            "back",
            "/console/follow-up"));
  }

  /** Emails the provider took and then reported it could not send, newest first. */
  private static List<Map<String, Object>> failedAfterSending(org.jdbi.v3.core.Handle h) {
    return h.createQuery(
            "select m.id, m.contact_id, c.email, m.template_key, m.failure_reason, m.failed_at"
                + " from emails m join contacts c on c.id = m.contact_id where m.failed_at is not"
                + " null order by m.failed_at desc limit 100")
        .map(
            (rs, ctx) -> {
              Map<String, Object> m = new HashMap<>();
              m.put("id", rs.getString("id"));
              m.put("contact_id", rs.getString("contact_id"));
              m.put("email", rs.getString("email"));
              m.put("template", rs.getString("template_key"));
              m.put("reason", rs.getString("failure_reason"));
              m.put(
                  "failed_at", Views.time(java.time.Instant.ofEpochMilli(rs.getLong("failed_at"))));
              return m;
            })
        .list();
  }

  /** Leads whose reply paused their sequence, newest reply first: they come before parked mail. */
  private static List<Map<String, Object>> replied(org.jdbi.v3.core.Handle h) {
    return h.createQuery(
            "select c.id, c.email, c.business_name, r.subject, r.received_at from enrollments e"
                + " join contacts c on c.id = e.contact_id left join replies r on r.id = (select"
                + " r2.id from replies r2 where r2.contact_id = c.id order by r2.received_at desc"
                + " limit 1) where e.state = 'REPLIED' order by r.received_at desc")
        .map(
            (rs, ctx) -> {
              Map<String, Object> m = new HashMap<>();
              m.put("contact_id", rs.getString("id"));
              m.put("email", rs.getString("email"));
              m.put("business", rs.getString("business_name"));
              m.put(
                  "subject",
                  rs.getString("subject") == null ? "(no subject)" : rs.getString("subject"));
              long at = rs.getLong("received_at");
              m.put("received", rs.wasNull() ? "" : Views.time(java.time.Instant.ofEpochMilli(at)));
              return m;
            })
        .list();
  }

  void templates(Context ctx) {
    List<String> keys = List.copyOf(plan.templateKeys());
    String wanted = ctx.queryParam("key");
    String key = wanted != null && keys.contains(wanted) ? wanted : keys.get(0);
    Segment segment = segment(ctx.queryParam("segment"));
    Language language = Language.ofCode(ctx.queryParam("language")).orElse(Language.EN);
    RenderedEmail rendered = composer.render(key, SampleLeads.of(segment, language));
    Map<String, Object> m = new HashMap<>();
    m.put("keys", keys.stream().map(k -> Map.of("value", k, "selected", k.equals(key))).toList());
    m.put(
        "segments",
        List.of(Segment.values()).stream()
            .map(s -> Map.of("value", s.name(), "selected", s == segment))
            .toList());
    m.put(
        "languages",
        List.of(Language.values()).stream()
            .map(l -> Map.of("value", l.code(), "selected", l == language))
            .toList());
    m.put("language", rendered.language().code());
    m.put("key", key);
    m.put("segment", segment.name());
    m.put("subject", rendered.subject());
    m.put("subject_b", rendered.subjectB());
    m.put("origin", rendered.origin());
    m.put("html", rendered.html());
    List<Map<String, Object>> tests = subjectTests.rows();
    m.put("subject_tests", tests);
    m.put("has_subject_tests", !tests.isEmpty());
    m.put("rule", subjectTests.ruleText());
    views.page(ctx, "templates", "Templates", "templates", m);
  }

  void loginForm(Context ctx) {
    if (!auth.usesLogin()) {
      ctx.redirect("/console");
      return;
    }
    views.bare(ctx, "login", Map.of());
  }

  void logIn(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    if (auth.logIn(ctx, ctx.formParam("token"))) {
      ctx.redirect("/console");
      return;
    }
    ctx.status(401);
    views.bare(ctx, "login", Map.of("failed", true));
  }

  void logOut(Context ctx) {
    auth.checkPost(ctx);
    auth.logOut(ctx);
    ctx.redirect("/console/login");
  }

  private static Segment segment(String raw) {
    for (Segment s : Segment.values()) {
      if (s.name().equals(raw)) {
        return s;
      }
    }
    return Segment.CRITICAL;
  }
}
