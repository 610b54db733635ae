package ca.businessx.nurture.cli;

import ca.businessx.nurture.alert.AlertTasks;
import ca.businessx.nurture.alert.LogAlerter;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboxSender;
import ca.businessx.nurture.intake.LeadIntake;
import ca.businessx.nurture.metrics.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigFiles;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.sequence.Enroller;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequenceFile;
import ca.businessx.nurture.sequence.SequencePlan;
import ca.businessx.nurture.sequence.SequenceRunner;
import ca.businessx.nurture.sequence.SequenceTasks;
import ca.businessx.nurture.template.StaticTemplates;
import ca.businessx.nurture.template.TemplateRenderer;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What a command needs, on the configured database, without the HTTP server or the scheduler's
 * polling: work a command schedules is picked up by whichever node runs {@code serve}. Wired the
 * way {@code App} wires a node; keep the two in step when a part changes.
 */
final class Workbench implements AutoCloseable {
  final Config config;
  final Database db;
  final Clock clock = Clock.systemUTC();
  final SequencePlan plan;
  final EmailComposer composer;
  final EmailSender sender;
  final SequenceControl control;
  final LeadIntake intake;

  private Workbench(Config config, Database db) {
    this.config = config;
    this.db = db;
    ConfigFiles files = new ConfigFiles(config.configDir());
    this.plan = SequenceFile.parse(
        files.require("sequence.json").text(), config.testingMode(), config.sequence().waits());
    this.composer = new EmailComposer(
        new TemplateRenderer(List.of(), new StaticTemplates(files), files), config.sender());
    this.sender = new OutboxSender(db.jdbi(), clock);
    SequenceRunner runner = new SequenceRunner(db, plan, composer, sender, config.sequence(), clock,
        NurtureEvents.NONE);
    // The client needs the tasks only to know their names and data types; it never runs them.
    List<Task<?>> tasks = List.of(
        SequenceTasks.step(runner, Duration.ofSeconds(30)),
        AlertTasks.criticalLead(db, new LogAlerter(), 2, Duration.ofSeconds(30), clock));
    SchedulerClient client = SchedulerClient.Builder.create(db.transactionAwareDataSource(), tasks).build();
    this.control = new SequenceControl(db, plan, client, clock);
    this.intake = new LeadIntake(db, new Enroller(client), client, clock, NurtureEvents.NONE);
  }

  static Workbench open(Config config) {
    Database db = Database.open(config.db(), config.dataDir());
    try {
      db.migrate();
      return new Workbench(config, db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
