package ca.businessx.nurture;

import ca.businessx.nurture.admin.AdminGuard;
import ca.businessx.nurture.admin.HealthRoutes;
import ca.businessx.nurture.admin.InspectionRoutes;
import ca.businessx.nurture.console.ConsoleRoutes;
import ca.businessx.nurture.console.OpenApiRoutes;
import ca.businessx.nurture.alert.AlertTasks;
import ca.businessx.nurture.alert.Alerter;
import ca.businessx.nurture.alert.LogAlerter;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboxSender;
import ca.businessx.nurture.intake.LeadIntake;
import ca.businessx.nurture.metrics.MeteredAlerter;
import ca.businessx.nurture.metrics.MeteredEmailSender;
import ca.businessx.nurture.metrics.MetricsRoutes;
import ca.businessx.nurture.metrics.NurtureMetrics;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.platform.Web;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.sequence.Enroller;
import ca.businessx.nurture.sequence.SequenceFile;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequencePlan;
import ca.businessx.nurture.sequence.SequenceRunner;
import ca.businessx.nurture.sequence.SequenceTasks;
import ca.businessx.nurture.template.StaticTemplates;
import ca.businessx.nurture.template.TemplateRenderer;
import ca.businessx.nurture.webhook.WebhookRoutes;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place that creates and wires the service's parts. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Database db;
  private final Scheduler scheduler;
  private final Javalin web;

  private App(Database db, Scheduler scheduler, Javalin web) {
    this.db = db;
    this.scheduler = scheduler;
    this.web = web;
  }

  public static Builder builder(Config config) {
    return new Builder(config);
  }

  public int port() {
    return web.port();
  }

  public Database database() {
    return db;
  }

  /** The scheduler; a {@link ManualScheduler} when built with {@link Builder#manualScheduler}. */
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public void close() {
    web.stop();
    scheduler.stop();
    db.close();
  }

  /** Options for tests and embedding; production uses the defaults. */
  public static final class Builder {
    private final Config config;
    private Clock clock = Clock.systemUTC();
    private EmailSender sender;
    private Alerter alerter;
    private SettableClock manualClock;

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

    /** Runs due work only when the caller says so, on this clock (tests step time by hand). */
    public Builder manualScheduler(SettableClock clock) {
      this.manualClock = clock;
      return this;
    }

    public App start() {
      Database db = Database.open(config.db(), config.dataDir());
      try {
        db.migrate();
        return wire(db);
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
    }

    private App wire(Database db) {
      ConfigFiles files = new ConfigFiles(config.configDir());
      SequencePlan plan =
          SequenceFile.parse(
              files.require("sequence.json").text(), config.testingMode(), config.sequence().waits());
      TemplateRenderer renderer = new TemplateRenderer(List.of(), new StaticTemplates(files), files);
      EmailSender emailSender = sender != null ? sender : new OutboxSender(db.jdbi(), clock);
      Alerter alertChannel = alerter != null ? alerter : new LogAlerter();
      log.info("database {}, email via {}, alerts via {}, waits {}", db.kind(), emailSender.name(),
          alertChannel.name(), plan.steps().stream().map(SequencePlan.Step::pause).toList());

      NurtureMetrics metrics = NurtureMetrics.create(db, clock, plan.templateKeys(),
          List.of(emailSender.name(), alertChannel.name()));
      EmailComposer composer = new EmailComposer(renderer, config.sender());
      SequenceRunner runner =
          new SequenceRunner(db, plan, composer, new MeteredEmailSender(emailSender, metrics.events()),
              config.sequence(), clock, metrics.events());
      List<Task<?>> tasks =
          List.of(
              SequenceTasks.step(runner, Duration.ofSeconds(30)),
              AlertTasks.criticalLead(db, new MeteredAlerter(alertChannel, metrics.events()), 2, Duration.ofSeconds(30), clock));
      SchedulerClient client =
          SchedulerClient.Builder.create(db.transactionAwareDataSource(), tasks).build();
      LeadIntake intake = new LeadIntake(db, new Enroller(client), client, clock, metrics.events());
      SequenceControl control = new SequenceControl(db, plan, client, clock);

      Scheduler scheduler = buildScheduler(db, tasks);
      scheduler.start();
      AdminGuard guard = new AdminGuard(config.adminToken());
      Javalin web =
          Web.create(
              cfg -> {
                cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
                new WebhookRoutes(intake).register(cfg);
                new InspectionRoutes(db, guard).register(cfg);
                new HealthRoutes(db, () -> scheduler).register(cfg);
                new MetricsRoutes(metrics, guard, config.metricsPublic()).register(cfg);
                new ConsoleRoutes(db, control, composer, plan, guard, config.adminToken(), clock).register(cfg);
                new OpenApiRoutes().register(cfg);
              });
      try {
        web.start(config.port());
      } catch (RuntimeException e) {
        scheduler.stop();
        throw e;
      }
      return new App(db, scheduler, web);
    }

    private Scheduler buildScheduler(Database db, List<Task<?>> tasks) {
      if (manualClock != null) {
        return TestHelper.createManualScheduler(db.dataSource(), tasks).clock(manualClock).build();
      }
      Config.Scheduler s = config.scheduler();
      var builder =
          Scheduler.create(db.dataSource(), tasks)
              .pollingInterval(s.pollInterval())
              .heartbeatInterval(s.heartbeat())
              .missedHeartbeatsLimit(s.missedHeartbeats())
              .threads(s.threads())
              .enableImmediateExecution();
      if (!clock.equals(Clock.systemUTC())) {
        builder.clock(clock::instant);
      }
      return builder.build();
    }
  }
}
