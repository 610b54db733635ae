package ca.businessx.nurture.engagement;

import ca.businessx.nurture.engagement.EngagementScore.Engagement;
import ca.businessx.nurture.engagement.EngagementScore.Kind;
import ca.businessx.nurture.engagement.EngagementScore.Rules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A lead's engagements as stored: each email's first open, each link's first click (from {@code
 * link_clicks}, or an email's click reported before links had names), and each reply.
 */
public final class Engagements {
  /** A lead's score and when it last engaged, at one instant. */
  public record Standing(double score, Optional<Instant> lastEngaged) {}

  private final Rules rules;

  public Engagements(Rules rules) {
    this.rules = rules;
  }

  public Rules rules() {
    return rules;
  }

  public Standing standing(Handle h, String contactId, Instant now) {
    List<Engagement> all = of(h, contactId);
    return new Standing(EngagementScore.of(all, rules, now), EngagementScore.lastEngaged(all));
  }

  public static List<Engagement> of(Handle h, String contactId) {
    return h.createQuery(
            "select 'OPEN' as kind, opened_at as at from emails"
                + " where contact_id = :c and opened_at is not null"
                + " union all select case when link_name = 'booking' then 'BOOKING_CLICK'"
                + " else 'CLICK' end, clicked_at from link_clicks where contact_id = :c"
                + " union all select 'CLICK', m.clicked_at from emails m where m.contact_id = :c"
                + " and m.clicked_at is not null"
                + " and not exists (select 1 from link_clicks l where l.email_id = m.id)"
                + " union all select 'REPLY', received_at from replies where contact_id = :c")
        .bind("c", contactId)
        .map(
            (rs, ctx) ->
                new Engagement(Kind.valueOf(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2))))
        .list();
  }
}
