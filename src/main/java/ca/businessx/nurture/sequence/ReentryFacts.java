package ca.businessx.nurture.sequence;

import ca.businessx.nurture.platform.Rows;
import ca.businessx.nurture.segment.Segment;
import org.jdbi.v3.core.Handle;

/** Reads what {@link Reentry} looks at, in one statement, only when a sequence has ended. */
final class ReentryFacts {
  private ReentryFacts() {}

  static Reentry.Facts read(Handle h, Enrollment previous, Segment before, Segment after) {
    return h.createQuery(
            "select c.unsubscribed_at,"
                + " (select max(b.booked_at) from bookings b where b.contact_id = c.id) as booked,"
                + " exists (select 1 from emails m where m.contact_id = c.id"
                + " and m.bounce_type is not null) as bounced"
                + " from contacts c where c.id = :id")
        .bind("id", previous.contactId())
        .map(
            (rs, ctx) ->
                new Reentry.Facts(
                    previous,
                    before,
                    after,
                    rs.getObject("unsubscribed_at") != null,
                    rs.getBoolean("bounced"),
                    Rows.instant(rs, "booked")))
        .one();
  }
}
