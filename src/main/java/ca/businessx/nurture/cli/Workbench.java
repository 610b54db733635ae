package ca.businessx.nurture.cli;

import ca.businessx.nurture.Wiring;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.intake.LeadIntake;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.EmailComposer;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequencePlan;
import java.time.Clock;

/**
 * What a command needs, on the configured database, without the HTTP server or the scheduler's
 * polling: work a command schedules is picked up by whichever node runs {@code serve}. The parts
 * come from {@link Wiring}, exactly as a node has them.
 */
final class Workbench implements AutoCloseable {
  final Config config;
  final Database db;

  /** The CLI's one clock: commands are a composition root of their own, like {@code App}. */
  static final Clock CLOCK = Clock.systemUTC();

  final Clock clock = CLOCK;
  final SequencePlan plan;
  final EmailComposer composer;
  final EmailSender sender;
  final SequenceControl control;
  final LeadIntake intake;
  final Wiring wiring;

  private Workbench(Config config, Database db) {
    this.config = config;
    this.db = db;
    Wiring w = new Wiring(config, db, clock, null, null);
    this.wiring = w;
    this.plan = w.plan;
    this.composer = w.composer;
    this.sender = w.emailSender;
    this.control = w.control;
    this.intake = w.intake;
  }

  static Workbench open(Config config) {
    Database db = Database.open(config.db(), config.dataDir(), config.scheduler().nodeName());
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
