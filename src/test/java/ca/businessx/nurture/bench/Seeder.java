package ca.businessx.nurture.bench;

import ca.businessx.nurture.Wiring;
import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.Enroller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fills a database with assessed, enrolled leads whose first step falls due when the benchmark
 * says: the rows intake writes (contact, assessment, enrollment and its durable wake-up, through
 * the service's own repositories and scheduler client), many per transaction so seeding is quick.
 */
final class Seeder {
  private static final int PER_TRANSACTION = 500;

  private Seeder() {}

  /**
   * @param firstDue when the first lead's step falls due
   * @param spacing how much later each next lead's falls due (zero: all at once)
   */
  static void seed(Config config, int leads, Instant firstDue, Duration spacing) {
    try (Database db = Database.open(config.db(), config.dataDir(), "seeder")) {
      db.migrate();
      Wiring w = new Wiring(config, db, Clock.systemUTC(), null, null);
      Enroller enroller =
          new Enroller(
              ca.businessx.nurture.sequence.DueNudge.NONE,
              w.versions.current(),
              config.sequence().reentryAfter());
      ContactRepository contacts = new ContactRepository();
      String run = Long.toString(System.nanoTime(), 36);
      for (int from = 0; from < leads; from += PER_TRANSACTION) {
        int start = from;
        int end = Math.min(leads, from + PER_TRANSACTION);
        db.inTransaction(
            h -> {
              for (int i = start; i < end; i++) {
                Instant due = firstDue.plus(spacing.multipliedBy(i));
                String email = "seed-" + run + "-" + i + "@bench.example";
                String id = Ids.newId();
                contacts.insertIfAbsent(
                    h, id, new Signup(email, "Ana Tremblay", "Ana", "Tremblay Plumbing"), due);
                contacts.recordAssessment(
                    h, id, Ids.newId(), new Assessment(email, i % 3, 1, 3, 4, 48.0), due);
                enroller.enroll(h, id, null, Segment.classify(i % 3, 1), due);
              }
              return null;
            });
      }
    }
  }
}
