package ca.businessx.nurture.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A contact's attributes: the fields a signup form sends beyond the known ones. The first value of
 * each name is kept (first-touch attribution); an erasure deletes them with the rest.
 */
public final class ContactAttributes {
  public void keepNew(Handle h, String contactId, Map<String, String> attributes, Instant at) {
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      h.createUpdate(
              "insert into contact_attributes (contact_id, name, value, recorded_at)"
                  + " values (:c, :n, :v, :at) on conflict (contact_id, name) do nothing")
          .bind("c", contactId)
          .bind("n", a.getKey())
          .bind("v", a.getValue())
          .bind("at", at.toEpochMilli())
          .execute();
    }
  }

  /** Name to value, by name. */
  public Map<String, String> of(Handle h, String contactId) {
    Map<String, String> all = new LinkedHashMap<>();
    h.createQuery("select name, value from contact_attributes where contact_id = :c order by name")
        .bind("c", contactId)
        .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
        .forEach(e -> all.put(e.getKey(), e.getValue()));
    return all;
  }

  public void delete(Handle h, String contactId) {
    h.createUpdate("delete from contact_attributes where contact_id = :c")
        .bind("c", contactId)
        .execute();
  }
}
