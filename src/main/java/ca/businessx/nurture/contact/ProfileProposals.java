package ca.businessx.nurture.contact;

import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.platform.Rows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Changes a repeated signup proposes to a lead's name fields. The website's form is public, so a
 * signup only fills empty fields; a different value is kept here, recorded on the timeline (by
 * field, never the value), and reaches the contact, and so an email, only when a person accepts it.
 */
public final class ProfileProposals {
  public record Proposal(
      String id, String contactId, String field, String value, String state, Instant proposedAt) {}

  private final Timeline timeline = new Timeline();

  /** The fields of a signup by column name, in a fixed order. */
  static Map<String, String> fields(Signup s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("first_name", s.firstName());
    m.put("business_name", s.businessName());
    return m;
  }

  /**
   * Records a proposal for each field the signup would change from what the contact holds (an
   * identical proposal still open is not repeated). Answers how many were recorded.
   */
  public int propose(Handle h, Contact current, Signup s, Instant now) {
    Map<String, String> held = new LinkedHashMap<>();
    held.put("name", current.name());
    held.put("first_name", current.firstName());
    held.put("business_name", current.businessName());
    int made = 0;
    for (var e : fields(s).entrySet()) {
      String was = held.get(e.getKey());
      String offered = e.getValue();
      if (offered == null || was == null || was.equals(offered)) {
        continue;
      }
      boolean open =
          h.createQuery(
                      "select count(*) from profile_proposals where contact_id = :c and field = :f"
                          + " and value = :v and state = 'PROPOSED'")
                  .bind("c", current.id())
                  .bind("f", e.getKey())
                  .bind("v", offered)
                  .mapTo(Integer.class)
                  .one()
              > 0;
      if (open) {
        continue;
      }
      String id = Ids.newId();
      h.createUpdate(
              "insert into profile_proposals (id, contact_id, field, value, state, proposed_at)"
                  + " values (:id, :c, :f, :v, 'PROPOSED', :now)")
          .bind("id", id)
          .bind("c", current.id())
          .bind("f", e.getKey())
          .bind("v", offered)
          .bind("now", now.toEpochMilli())
          .execute();
      timeline.record(
          h, current.id(), now, "profile_change_proposed", e.getKey() + " (proposal " + id + ")");
      made++;
    }
    return made;
  }

  public List<Proposal> open(Handle h, String contactId) {
    return h.createQuery(
            "select id, contact_id, field, value, state, proposed_at from profile_proposals"
                + " where contact_id = :c and state = 'PROPOSED' order by proposed_at, id")
        .bind("c", contactId)
        .map(
            (rs, ctx) ->
                new Proposal(
                    rs.getString("id"),
                    rs.getString("contact_id"),
                    rs.getString("field"),
                    rs.getString("value"),
                    rs.getString("state"),
                    Rows.instant(rs, "proposed_at")))
        .list();
  }

  /**
   * A person accepts a proposal: the value goes into the contact, other open proposals for that
   * field are superseded. Empty when the contact has no such open proposal.
   */
  public Optional<Proposal> accept(Handle h, String contactId, String proposalId, Instant now) {
    Optional<Proposal> found =
        open(h, contactId).stream().filter(p -> p.id().equals(proposalId)).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Proposal p = found.get();
    // The column name comes from the CHECK-constrained field, never from the request.
    String column =
        switch (p.field()) {
          case "name" -> "name";
          case "first_name" -> "first_name";
          case "business_name" -> "business_name";
          default -> throw new IllegalStateException("unknown profile field");
        };
    h.createUpdate("update contacts set " + column + " = :v, updated_at = :now where id = :c")
        .bind("v", p.value())
        .bind("now", now.toEpochMilli())
        .bind("c", contactId)
        .execute();
    h.createUpdate(
            "update profile_proposals set state = 'ACCEPTED', decided_at = :now where id = :id")
        .bind("id", p.id())
        .bind("now", now.toEpochMilli())
        .execute();
    h.createUpdate(
            "update profile_proposals set state = 'SUPERSEDED', decided_at = :now"
                + " where contact_id = :c and field = :f and state = 'PROPOSED'")
        .bind("c", contactId)
        .bind("f", p.field())
        .bind("now", now.toEpochMilli())
        .execute();
    timeline.record(
        h, contactId, now, "profile_change_accepted", p.field() + " (proposal " + p.id() + ")");
    return found;
  }
}
