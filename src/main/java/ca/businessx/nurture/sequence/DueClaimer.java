package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Finds due work and claims it as one batch, in one short transaction of three statements: is a
 * batch's lease over (its sender died, or its retry is due)? then it is taken again whole, under
 * the same batch id, so it is sent with exactly the same members; otherwise up to {@code limit} due
 * enrollments form a new batch. On PostgreSQL the due rows are locked with SKIP LOCKED, so nodes
 * claiming at once take different rows without waiting; a batch taken over is locked in id order,
 * so two nodes taking the same one queue (the second then finds nothing) instead of splitting it.
 * SQLite has one writer, which is all the exclusion it needs.
 */
final class DueClaimer {
  /** A batch of enrollments this sender holds until {@code until}. */
  record Claim(String batchId, List<Enrollment> members, Instant until, boolean takenOver) {}

  private final Database db;

  DueClaimer(Database db) {
    this.db = db;
  }

  Optional<Claim> claim(Instant now, int limit, Duration lease) {
    Instant until = now.plus(lease);
    boolean postgres = db.kind() == Database.Kind.POSTGRESQL;
    return db.inTransaction(
        h -> {
          Optional<Claim> expired = takeOver(h, now, until, postgres);
          if (expired.isPresent()) {
            return expired;
          }
          String batch = Ids.newId();
          List<Enrollment> due =
              h.createQuery(
                      "select "
                          + EnrollmentRepository.COLUMNS
                          + " from enrollments where state = 'ACTIVE' and claimed_by is null"
                          + " and next_due_at <= :now order by next_due_at, id limit :limit"
                          + (postgres ? " for update skip locked" : ""))
                  .bind("now", now.toEpochMilli())
                  .bind("limit", limit)
                  .map(EnrollmentRepository::map)
                  .list();
          if (due.isEmpty()) {
            return Optional.empty();
          }
          hold(h, due, batch, until, "claimed_by is null");
          return Optional.of(new Claim(batch, due, until, false));
        });
  }

  private Optional<Claim> takeOver(Handle h, Instant now, Instant until, boolean postgres) {
    Optional<String> batch =
        h.createQuery(
                "select claimed_by from enrollments where claimed_by is not null"
                    + " and claimed_until <= :now order by claimed_until limit 1")
            .bind("now", now.toEpochMilli())
            .mapTo(String.class)
            .findOne();
    if (batch.isEmpty()) {
      return Optional.empty();
    }
    List<Enrollment> members =
        h.createQuery(
                "select "
                    + EnrollmentRepository.COLUMNS
                    + " from enrollments where claimed_by = :b and claimed_until <= :now order by id"
                    + (postgres ? " for update" : ""))
            .bind("b", batch.get())
            .bind("now", now.toEpochMilli())
            .map(EnrollmentRepository::map)
            .list();
    if (members.isEmpty()) {
      // Another node took it over between the two reads.
      return Optional.empty();
    }
    hold(h, members, batch.get(), until, "claimed_by = :b");
    return Optional.of(new Claim(batch.get(), members, until, true));
  }

  private static void hold(
      Handle h, List<Enrollment> rows, String batch, Instant until, String guard) {
    int held =
        h.createUpdate(
                "update enrollments set claimed_by = :b, claimed_until = :until"
                    + " where id in (<ids>) and "
                    + guard)
            .bindList("ids", rows.stream().map(Enrollment::id).toList())
            .bind("b", batch)
            .bind("until", until.toEpochMilli())
            .execute();
    if (held != rows.size()) {
      // The rows were read locked (or under SQLite's single writer) in this transaction.
      throw new IllegalStateException(
          "claimed " + held + " of " + rows.size() + " locked enrollments: indicates a bug");
    }
  }
}
