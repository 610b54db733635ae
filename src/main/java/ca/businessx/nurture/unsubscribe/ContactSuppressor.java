package ca.businessx.nurture.unsubscribe;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.SequenceStopper;
import ca.businessx.nurture.suppression.SuppressionList;
import ca.businessx.nurture.suppression.SuppressionReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Withdraws a contact from all mail at once: the address goes on the suppression list, every
 * sequence stops, the CRM is told (Sequence Status: Stopped), and the timeline says why.
 */
public final class ContactSuppressor {
  private final Database db;
  private final CrmSyncQueue crmSync;
  private final Clock clock;
  private final SuppressionList suppressions = new SuppressionList();
  private final ContactRepository contacts = new ContactRepository();
  private final SequenceStopper stopper = new SequenceStopper();
  private final Timeline timeline = new Timeline();

  public ContactSuppressor(Database db, CrmSyncQueue crmSync, Clock clock) {
    this.db = db;
    this.crmSync = crmSync;
    this.clock = clock;
  }

  /** Answers false when no such contact exists. Doing it twice changes nothing more. */
  public boolean suppress(String contactId, SuppressionReason reason, String detail) {
    Instant now = clock.instant();
    return db.inTransaction(h -> suppress(h, contactId, reason, detail, now));
  }

  public boolean suppress(
      Handle h, String contactId, SuppressionReason reason, String detail, Instant now) {
    Optional<Contact> contact = contacts.find(h, contactId);
    if (contact.isEmpty()) {
      return false;
    }
    boolean already = suppressions.isSuppressed(h, contact.get().email());
    suppressions.suppress(h, contact.get().email(), reason, now);
    if (reason == SuppressionReason.UNSUBSCRIBED) {
      h.createUpdate(
              "update contacts set unsubscribed_at = coalesce(unsubscribed_at, :now) where id = :id")
          .bind("id", contactId)
          .bind("now", now.toEpochMilli())
          .execute();
    }
    stopper.stop(h, contactId, reason.name().toLowerCase(), now);
    if (!already) {
      timeline.record(h, contactId, now, reason.name().toLowerCase(), detail);
      crmSync.contactChanged(h, contactId, now);
    }
    return true;
  }
}
