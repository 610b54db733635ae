package ca.businessx.nurture.console;

import ca.businessx.nurture.abtest.SubjectTest;
import ca.businessx.nurture.admin.AdminGuard;
import ca.businessx.nurture.contact.LocaleDefaults;
import ca.businessx.nurture.engagement.Engagements;
import ca.businessx.nurture.funnel.FunnelRoutes;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.PageHeaders;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.sequence.EngagedWaits;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequencePlan;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.Optional;

/**
 * The operator console: HTML pages under {@code /console} and the JSON actions under {@code /api}.
 */
public final class ConsoleRoutes {
  private final Database db;
  private final SequenceControl control;
  private final EngagedWaits waits;
  private final EmailComposer composer;
  private final SequencePlan plan;
  private final AdminGuard guard;
  private final Optional<String> adminToken;
  private final Clock clock;
  private final SubjectTest.Rule subjectRule;
  private final LocaleDefaults locales;
  private final Engagements engagements;
  private final boolean crmConfigured;
  private final String sender;

  private final ca.businessx.nurture.sequence.SendPreview preview;

  public ConsoleRoutes(
      Database db,
      SequenceControl control,
      EngagedWaits waits,
      EmailComposer composer,
      SequencePlan plan,
      AdminGuard guard,
      Optional<String> adminToken,
      Clock clock,
      SubjectTest.Rule subjectRule,
      LocaleDefaults locales,
      ca.businessx.nurture.sequence.SendPreview preview,
      Engagements engagements,
      boolean crmConfigured,
      String sender) {
    this.locales = locales;
    this.preview = preview;
    this.engagements = engagements;
    this.db = db;
    this.control = control;
    this.waits = waits;
    this.composer = composer;
    this.plan = plan;
    this.guard = guard;
    this.adminToken = adminToken;
    this.clock = clock;
    this.subjectRule = subjectRule;
    this.crmConfigured = crmConfigured;
    this.sender = sender;
  }

  public void register(JavalinConfig cfg) {
    ConsoleAuth auth = new ConsoleAuth(guard, adminToken, clock, new SessionEpoch(db, clock));
    Views views = new Views(auth);
    FunnelPage funnel = new FunnelPage(new FunnelRoutes(db, clock), views, clock);
    OverviewPage overview = new OverviewPage(db, plan, views, clock, funnel::recent, crmConfigured);
    LeadPages leads = new LeadPages(db, plan, views, locales, preview, engagements, waits, clock);
    SubjectTestActions subjectTests = new SubjectTestActions(db, auth, clock, subjectRule);
    OtherPages other = new OtherPages(db, composer, plan, views, auth, subjectTests, sender);
    ConsoleActions actions = new ConsoleActions(control, auth);
    ProposalActions proposals = new ProposalActions(db, auth, clock);

    cfg.routes.get("/", ctx -> ctx.redirect("/console"));
    cfg.routes.before("/console", PageHeaders::console);
    cfg.routes.before("/console/*", PageHeaders::console);
    cfg.routes.before("/console", auth::require);
    cfg.routes.before("/console/*", auth::require);
    cfg.routes.get("/console", overview::show);
    cfg.routes.get("/console/leads", leads::list);
    cfg.routes.get("/console/leads/{id}", leads::show);
    cfg.routes.get("/console/funnel", funnel::show);
    cfg.routes.get("/console/emails/{id}/html", leads::emailHtml);
    cfg.routes.get("/console/follow-up", other::followUp);
    cfg.routes.get("/console/templates", other::templates);
    cfg.routes.get("/console/login", other::loginForm);
    cfg.routes.post("/console/login", other::logIn);
    cfg.routes.post("/console/logout", other::logOut);
    cfg.routes.post("/console/contacts/{id}/stop", actions::stopForm);
    cfg.routes.post("/console/contacts/{id}/send-next", actions::sendNextForm);
    cfg.routes.post("/console/contacts/{id}/resume", actions::resumeForm);
    cfg.routes.post("/console/emails/{id}/retry", actions::retryForm);
    cfg.routes.post("/console/emails/{id}/skip", actions::skipForm);
    cfg.routes.post("/console/contacts/{id}/proposals/{proposal}/accept", proposals::acceptForm);
    cfg.routes.post("/console/templates/{key}/promote", subjectTests::promoteForm);

    // The same actions for scripts; /api/* is guarded by the admin rule (InspectionRoutes).
    cfg.routes.post("/api/contacts/{id}/stop", actions::stopApi);
    cfg.routes.post("/api/contacts/{id}/send-next", actions::sendNextApi);
    cfg.routes.post("/api/contacts/{id}/resume", actions::resumeApi);
    cfg.routes.post("/api/emails/{id}/retry", actions::retryApi);
    cfg.routes.post("/api/emails/{id}/skip", actions::skipApi);
    cfg.routes.post("/api/contacts/{id}/proposals/{proposal}/accept", proposals::acceptApi);
    cfg.routes.get("/api/subject-tests", subjectTests::listApi);
    cfg.routes.post("/api/templates/{key}/promote", subjectTests::promoteApi);
  }
}
