package ca.businessx.nurture.contact;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that changed a contact, that the CRM must hear of it. The CRM is
 * then brought up to date by a durable job after the commit; without a CRM nothing happens.
 */
public interface CrmSyncQueue {

  void contactChanged(Handle h, String contactId, Instant now);

  static CrmSyncQueue none() {
    return (h, contactId, now) -> {};
  }
}
