package ca.businessx.nurture.unsubscribe;

import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import ca.businessx.nurture.sequence.EnrollmentState;
import ca.businessx.nurture.sequence.SequenceStopper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a lead may choose on its preference page, short of unsubscribing from everything: a pause
 * that ends by itself, another language, or the end of this sequence. Each choice is one
 * transaction, on the timeline, and queued for the CRM.
 */
public final class LeadPreferences {
  static final Duration PAUSE = Duration.ofDays(30);

  /** How a choice went; {@code NOTHING_TO_DO} when the sequence had already ended or moved on. */
  public enum Outcome {
    DONE,
    NOTHING_TO_DO
  }

  private final Database db;
  private final CrmSyncQueue crmSync;
  private final Clock clock;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final SequenceStopper stopper = new SequenceStopper();
  private final Timeline timeline = new Timeline();

  public LeadPreferences(Database db, CrmSyncQueue crmSync, Clock clock) {
    this.db = db;
    this.crmSync = crmSync;
    this.clock = clock;
  }

  /** No email for 30 days; the sequence goes on by itself after that, where it was. */
  public Outcome pause(String contactId) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          Optional<Enrollment> e = enrollments.ofContact(h, contactId);
          if (e.isEmpty()
              || e.get().state() != EnrollmentState.ACTIVE
              || !enrollments.holdUntil(
                  h, e.get().id(), e.get().currentStep(), now.plus(PAUSE), now)) {
            return Outcome.NOTHING_TO_DO;
          }
          timeline.record(h, contactId, now, "paused_by_lead", "30 days");
          crmSync.contactChanged(h, contactId, now);
          return Outcome.DONE;
        });
  }

  /** The lead's next emails in this language. */
  public Outcome language(String contactId, Language language) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          int changed =
              h.createUpdate(
                      "update contacts set language = :l, updated_at = :now where id = :id"
                          + " and forgotten_at is null")
                  .bind("l", language.code())
                  .bind("id", contactId)
                  .bind("now", now.toEpochMilli())
                  .execute();
          if (changed == 0) {
            return Outcome.NOTHING_TO_DO;
          }
          timeline.record(h, contactId, now, "language_chosen", language.code());
          crmSync.contactChanged(h, contactId, now);
          return Outcome.DONE;
        });
  }

  /** This sequence ends; the address stays subscribed (a later sequence may reach it). */
  public Outcome stopSequence(String contactId) {
    Instant now = clock.instant();
    return db.inTransaction(
        h -> {
          if (!stopper.stop(h, contactId, "stopped by the lead", now)) {
            return Outcome.NOTHING_TO_DO;
          }
          crmSync.contactChanged(h, contactId, now);
          return Outcome.DONE;
        });
  }
}
