package ca.businessx.nurture;

import ca.businessx.nurture.abtest.SubjectTest;
import ca.businessx.nurture.admin.AdminGuard;
import ca.businessx.nurture.admin.AuthThrottle;
import ca.businessx.nurture.admin.HealthRoutes;
import ca.businessx.nurture.admin.InspectionRoutes;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.booking.BookingRoutes;
import ca.businessx.nurture.console.ConsoleRoutes;
import ca.businessx.nurture.console.OpenApiRoutes;
import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.delivery.ResendWebhookRoutes;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.funnel.FunnelRoutes;
import ca.businessx.nurture.link.ClickRoutes;
import ca.businessx.nurture.metrics.MetricsRoutes;
import ca.businessx.nurture.platform.ClientAddress;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.platform.Web;
import ca.businessx.nurture.reply.ReplyRoutes;
import ca.businessx.nurture.sequence.SendLoop;
import ca.businessx.nurture.sequence.SequencePlan;
import ca.businessx.nurture.tracking.ErrorTracking;
import ca.businessx.nurture.unsubscribe.LeadPreferences;
import ca.businessx.nurture.unsubscribe.ResubscribeRoutes;
import ca.businessx.nurture.unsubscribe.UnsubscribeRoutes;
import ca.businessx.nurture.webhook.WebhookAdmission;
import ca.businessx.nurture.webhook.WebhookGuard;
import ca.businessx.nurture.webhook.WebhookRoutes;
import ca.businessx.nurture.webhook.WebhookSignature;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place that creates and wires the service's parts. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Database db;
  private final Scheduler scheduler;
  private final Scheduler integrationScheduler;
  private final Javalin web;
  private final Supplier<Map<String, Long>> templateFallbacks;
  private java.util.Optional<ErrorTracking> tracking = java.util.Optional.empty();
  private StartupBanner startup;
  private final SendLoop sendLoop;
  private final boolean sendLoopStarted;

  private App(
      Database db,
      Scheduler integrationScheduler,
      SendLoop sendLoop,
      boolean sendLoopStarted,
      Javalin web,
      Supplier<Map<String, Long>> templateFallbacks) {
    this.db = db;
    this.scheduler = integrationScheduler;
    this.integrationScheduler = integrationScheduler;
    this.sendLoop = sendLoop;
    this.sendLoopStarted = sendLoopStarted;
    this.web = web;
    this.templateFallbacks = templateFallbacks;
  }

  public static Builder builder(Config config) {
    return new Builder(config);
  }

  public int port() {
    return web.port();
  }

  /** What this node runs with, for the start-up block {@code serve} prints. */
  public StartupBanner startup() {
    return startup;
  }

  public Database database() {
    return db;
  }

  /**
   * The scheduler of durable tasks other than sending email (alerts, CRM sync, notices), as the
   * {@link SchedulerFactory} built it; null on a web node, which runs none. Email is sent by {@link
   * #sendLoop()}, not by a scheduler.
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * The scheduler of calls to outside systems (CRM sync, alerts), kept apart from email; null on a
   * web node.
   */
  public Scheduler integrationScheduler() {
    return integrationScheduler;
  }

  /**
   * The loop that sends due email: running on its own threads on a node that runs schedulers;
   * stepped by hand ({@link SendLoop#runDue()}) when built with {@link Builder#sendByHand}.
   */
  public SendLoop sendLoop() {
    return sendLoop;
  }

  /** How many times each template fell back from Notion to its static copy since start. */
  public Map<String, Long> templateFallbacks() {
    return templateFallbacks.get();
  }

  @Override
  public void close() {
    web.stop();
    if (sendLoopStarted) {
      sendLoop.stop();
    }
    if (scheduler != null) {
      integrationScheduler.stop();
    }
    db.close();
    tracking.ifPresent(ErrorTracking::close);
  }

  /** Options for tests and embedding; production uses the defaults. */
  public static final class Builder {
    private final Config config;
    private Clock clock = Clock.systemUTC();
    private EmailSender sender;
    private Alerter alerter;
    private SchedulerFactory schedulers;
    private boolean sendByHand;
    private NodeRole role = NodeRole.ALL;

    private Builder(Config config) {
      this.config = config;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder emailSender(EmailSender sender) {
      this.sender = sender;
      return this;
    }

    public Builder alerter(Alerter alerter) {
      this.alerter = alerter;
      return this;
    }

    /** What this node does; {@link NodeRole#ALL} unless told. */
    public Builder role(NodeRole role) {
      this.role = role;
      return this;
    }

    /** Sends due email only when told ({@link SendLoop#runDue()}), as tests step time by hand. */
    public Builder sendByHand() {
      this.sendByHand = true;
      return this;
    }

    /** Builds the schedulers another way than polling (tests run due work by hand). */
    public Builder schedulers(SchedulerFactory schedulers) {
      this.schedulers = schedulers;
      return this;
    }

    public App start() {
      // First, so that a failing migration or wiring is reported too.
      java.util.Optional<ErrorTracking> tracking =
          ErrorTracking.start(config, role.name().toLowerCase(java.util.Locale.ROOT));
      Database db = null;
      try {
        db = Database.open(config.db(), config.dataDir(), config.scheduler().nodeName());
        db.migrate();
        App app = wire(db);
        app.tracking = tracking;
        return app;
      } catch (RuntimeException e) {
        if (db != null) {
          db.close();
        }
        tracking.ifPresent(t -> t.captureAndClose(e));
        throw e;
      }
    }

    private App wire(Database db) {
      Wiring w = new Wiring(config, db, clock, sender, alerter);
      StartupBanner banner =
          new StartupBanner(
              config.scheduler().nodeName(),
              role.name().toLowerCase(),
              db.kind().name().toLowerCase()
                  + " "
                  + Database.sqliteFile(config.db(), config.dataDir())
                      .map(Object::toString)
                      .orElseGet(() -> config.db().url().orElse("").replaceFirst("\\?.*$", "")),
              w.emailSender.name(),
              w.alerter.name(),
              w.crm.map(ContactCrm::name).orElse("none"),
              w.plan.steps().stream().map(SequencePlan.Step::pause).toList(),
              config.scheduler().pollInterval(),
              config.adminToken().isPresent());
      if (config.adminToken().isEmpty()) {
        log.warn(
            "ADMIN_TOKEN is not set: the API, metrics and console answer only requests made on this"
                + " machine directly to localhost (no proxy); set ADMIN_TOKEN to reach them from"
                + " elsewhere");
      }
      Scheduler scheduler = null;
      if (role.runsSchedulers()) {
        // Start tasks join the known tasks inside the builder; listing them twice fails the build.
        scheduler =
            buildScheduler(
                db, w.integrationTasks, w.recurringIntegrationTasks, Wiring.INTEGRATION_TABLE, 2);
      }
      boolean loop = role.runsSchedulers() && !sendByHand;
      w.crmTasks.ifPresent(t -> t.resumeBacklog(w.integrationClient, clock.instant()));
      Javalin web =
          role.servesWeb() ? webServer(db, w, scheduler) : operationsServer(db, w, scheduler);
      try {
        if (scheduler != null) {
          scheduler.start();
        }
        if (loop) {
          w.sendLoop.start(config.scheduler().threads());
        }
        web.start(config.trust().bindAddress(), config.port());
      } catch (RuntimeException e) {
        if (loop) {
          w.sendLoop.stop();
        }
        if (scheduler != null) {
          scheduler.stop();
        }
        throw e;
      }
      App app = new App(db, scheduler, w.sendLoop, loop, web, w::templateFallbacks);
      app.startup = banner;
      return app;
    }

    private Javalin webServer(Database db, Wiring w, Scheduler scheduler) {
      Config.Trust trust = config.trust();
      ClientAddress clients = new ClientAddress(trust.trustedProxies());
      AdminGuard guard = adminGuard(w, clients);
      warnIfOpen(trust);
      return Web.create(
          cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            new WebhookAdmission(trust.webhookReadTimeout(), trust.webhookMaxConcurrent())
                .register(cfg);
            new WebhookGuard(
                    trust.webhookRatePerSecond(),
                    trust.webhookBurst(),
                    trust.corsOrigins(),
                    clients)
                .register(cfg);
            WebhookSignature signature = new WebhookSignature(trust.webhookSecret(), clock, db);
            new WebhookRoutes(w.intake, signature, clients).register(cfg);
            new BookingRoutes(
                    w.bookings,
                    config.bookings().calcomSecret(),
                    config.bookings().calendlySecret(),
                    signature,
                    clock)
                .register(cfg);
            new ResendWebhookRoutes(
                    db,
                    trust.resendWebhookSecret(),
                    w.suppressor,
                    w.replies,
                    w.clicks,
                    w.engagement,
                    clock)
                .register(cfg);
            new ClickRoutes(db, w.trackedLinks, w.clicks, clock).register(cfg);
            new FunnelRoutes(db, clock).register(cfg);
            new ReplyRoutes(db, w.replies, signature, clock).register(cfg);
            new UnsubscribeRoutes(
                    w.links,
                    w.suppressor,
                    new LeadPreferences(db, w.crmSync, clock),
                    config.sender().name(),
                    w::languageOf)
                .register(cfg);
            new ResubscribeRoutes(db, w.resubscribeLinks, config.sender().name(), clock)
                .register(cfg);
            new InspectionRoutes(db, guard, w.engagements, clock).register(cfg);
            new HealthRoutes(db, scheduler == null ? null : () -> scheduler).register(cfg);
            new MetricsRoutes(w.metrics, guard, config.metricsPublic()).register(cfg);
            new ConsoleRoutes(
                    db,
                    w.control,
                    w.waits,
                    w.composer,
                    w.plan,
                    guard,
                    config.adminToken(),
                    clock,
                    new SubjectTest.Rule(
                        config.abTest().minSample(), config.abTest().significance()),
                    Wiring.localeDefaults(config.locale()),
                    w.preview,
                    w.engagements,
                    w.crm.isPresent(),
                    config
                        .mail()
                        .smtp()
                        .map(smtp -> "SMTP " + smtp.host() + ":" + smtp.port())
                        .orElse(w.emailSender.name()))
                .register(cfg);
            new OpenApiRoutes().register(cfg);
          });
    }

    /**
     * A worker's HTTP server: health for the load balancer or orchestrator, metrics for scraping.
     */
    private Javalin operationsServer(Database db, Wiring w, Scheduler scheduler) {
      AdminGuard guard = adminGuard(w, new ClientAddress(config.trust().trustedProxies()));
      return Web.create(
          cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            new HealthRoutes(db, () -> scheduler).register(cfg);
            new MetricsRoutes(w.metrics, guard, config.metricsPublic()).register(cfg);
          });
    }

    private AdminGuard adminGuard(Wiring w, ClientAddress clients) {
      return new AdminGuard(
          config.adminToken(), clients, new AuthThrottle(clock), w.metrics.events());
    }

    private void warnIfOpen(Config.Trust trust) {
      if (trust.webhookSecret().isEmpty()) {
        if (config.testingMode()) {
          log.warn("WEBHOOK_SECRET is not set: lead webhooks accept unsigned requests");
        } else {
          log.warn(
              "WEBHOOK_SECRET is not set: ANYONE who finds this service can enroll leads and"
                  + " have it send them email. Set WEBHOOK_SECRET and sign requests (see README).");
        }
      }
    }

    private Scheduler buildScheduler(
        Database db,
        List<Task<?>> tasks,
        List<RecurringTask<?>> startTasks,
        String table,
        int threads) {
      if (schedulers != null) {
        return schedulers.create(db.dataSource(), tasks, startTasks, table, threads);
      }
      Config.Scheduler s = config.scheduler();
      var builder =
          Scheduler.create(db.dataSource(), tasks)
              .startTasks(startTasks)
              .tableName(table)
              .pollingInterval(s.pollInterval())
              .heartbeatInterval(s.heartbeat())
              .missedHeartbeatsLimit(s.missedHeartbeats())
              .threads(threads)
              .schedulerName(new SchedulerName.Fixed(s.nodeName()))
              .enableImmediateExecution();
      if (db.kind() == Database.Kind.POSTGRESQL) {
        // One statement locks and fetches due executions (FOR UPDATE SKIP LOCKED), so nodes polling
        // the same table never contend for the same rows; fetch up to 3x threads, refill below
        // half.
        builder.pollUsingLockAndFetch(0.5, 3.0);
      }
      if (!clock.equals(Clock.systemUTC())) {
        builder.clock(clock::instant);
      }
      return builder.build();
    }
  }
}
