package ca.businessx.nurture.contact;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction that changed a contact, that the CRM must hear of it. The CRM is
 * then brought up to date by a durable job after the commit; without a CRM nothing happens.
 */
public interface CrmSyncQueue {

  void contactChanged(Handle h, String contactId, Instant now);

  /**
   * The same as {@link #contactChanged} once for each id in the list, in its order (an id may
   * appear more than once); an implementation may do it in fewer statements.
   */
  default void contactsChanged(Handle h, java.util.List<String> contactIds, Instant now) {
    for (String id : contactIds) {
      contactChanged(h, id, now);
    }
  }

  static CrmSyncQueue none() {
    return new CrmSyncQueue() {
      @Override
      public void contactChanged(Handle h, String contactId, Instant now) {}

      @Override
      public void contactsChanged(Handle h, java.util.List<String> contactIds, Instant now) {}
    };
  }
}
