package ca.businessx.nurture.contact;

import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.platform.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Each contact's story: what happened and when. Details never hold the address or name. */
public final class Timeline {

  public record Event(Instant at, String kind, String detail) {}

  public void record(Handle h, String contactId, Instant at, String kind, String detail) {
    h.createUpdate(
            "insert into events (id, contact_id, at, kind, detail)"
                + " values (:id, :contact, :at, :kind, :detail)")
        .bind("id", Ids.newId())
        .bind("contact", contactId)
        .bind("at", at.toEpochMilli())
        .bind("kind", kind)
        .bind("detail", detail)
        .execute();
  }

  public List<Event> of(Handle h, String contactId) {
    return h.createQuery(
            "select at, kind, detail from events where contact_id = :contact order by at, kind")
        .bind("contact", contactId)
        .map((rs, ctx) -> new Event(Rows.instant(rs, "at"), rs.getString("kind"), rs.getString("detail")))
        .list();
  }
}
