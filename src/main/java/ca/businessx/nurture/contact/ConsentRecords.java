package ca.businessx.nurture.contact;

import ca.businessx.nurture.platform.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The consent evidence of every contact, append-only: each signup, re-subscription request and
 * confirmation adds a record with its time, client address, wording and form; none is changed or
 * replaced (an erasure only blanks the client address).
 */
public final class ConsentRecords {
  public enum Kind {
    SIGNUP,
    RESUBSCRIBE_REQUESTED,
    RESUBSCRIBE_CONFIRMED,
    CRM_IMPORT
  }

  public void append(Handle h, String contactId, Kind kind, ConsentEvidence c, Instant at) {
    h.createUpdate(
            "insert into consent_records (id, contact_id, kind, source, client_ip, consent_text,"
                + " form_id, explicit_opt_in, at) values (:id, :contact, :kind, :source, :ip,"
                + " :text, :form, :explicit, :at)")
        .bind("id", Ids.newId())
        .bind("contact", contactId)
        .bind("kind", kind.name())
        .bind("source", c.source())
        .bind("ip", c.clientIp())
        .bind("text", c.text())
        .bind("form", c.formId())
        .bind("explicit", c.explicit() ? 1 : 0)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  public List<Map<String, Object>> of(Handle h, String contactId) {
    return h.createQuery(
            "select kind, source, client_ip, consent_text, form_id, explicit_opt_in, at"
                + " from consent_records where contact_id = :c order by at, id")
        .bind("c", contactId)
        .mapToMap()
        .list();
  }
}
