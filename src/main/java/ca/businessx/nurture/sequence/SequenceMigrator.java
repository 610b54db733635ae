package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.platform.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the leads in flight on one sequence version to another, each in its own guarded update: a
 * lead whose step changed while the move ran keeps its version and is reported as skipped.
 */
public final class SequenceMigrator {
  /** One lead's move; {@code applied} is false in a dry run or when the lead moved on meanwhile. */
  public record Outcome(SequenceMigration.Move move, boolean applied) {}

  private final Database db;
  private final SequenceVersions versions;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final Timeline timeline = new Timeline();

  public SequenceMigrator(Database db, SequenceVersions versions) {
    this.db = db;
    this.versions = versions;
  }

  public List<Outcome> migrate(int from, int to, boolean dryRun, Instant now) {
    versions.plan(from);
    SequencePlan target = versions.plan(to);
    List<Enrollment> inFlight =
        db.withHandle(
            h ->
                h.createQuery(
                        "select "
                            + EnrollmentRepository.COLUMNS
                            + " from enrollments where sequence_version = :v"
                            + " and state in ('ACTIVE', 'PAUSED') order by started_at, id")
                    .bind("v", from)
                    .map(EnrollmentRepository::map)
                    .list());
    List<Outcome> outcomes = new ArrayList<>();
    for (Enrollment e : inFlight) {
      SequenceMigration.Move move = SequenceMigration.of(e, target);
      outcomes.add(new Outcome(move, !dryRun && apply(e, move, from, to, now)));
    }
    return outcomes;
  }

  private boolean apply(Enrollment e, SequenceMigration.Move move, int from, int to, Instant now) {
    return db.inTransaction(
        h -> {
          int moved =
              h.createUpdate(
                      "update enrollments set sequence_version = :to,"
                          + " next_due_at = :due, step_due_at = :due, updated_at = :now"
                          + " where id = :id and sequence_version = :from and current_step = :step"
                          + " and state in ('ACTIVE', 'PAUSED') and claimed_by is null")
                  .bind("to", to)
                  .bind("from", from)
                  .bind("id", e.id())
                  .bind("step", e.currentStep())
                  .bind("due", move.toDue().map(Instant::toEpochMilli).orElse(null))
                  .bind("now", now.toEpochMilli())
                  .execute();
          if (moved == 0) {
            return false;
          }
          timeline.record(
              h, e.contactId(), now, "sequence_migrated", "version " + from + " to " + to);
          if (move.completes()) {
            enrollments.moveTo(h, e, EnrollmentState.COMPLETED, null, now);
            emails.cancelOpen(h, e.id(), now);
            timeline.record(h, e.contactId(), now, "sequence_completed", null);
          }
          return true;
        });
  }
}
