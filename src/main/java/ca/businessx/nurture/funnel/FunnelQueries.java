package ca.businessx.nurture.funnel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The funnel's SQL: one grouped pass over the emails sent in the dates (UTC days, both included),
 * one over the leads assessed in them. Portable between SQLite and PostgreSQL.
 */
public final class FunnelQueries {
  private static final String STAGES =
      "select m.template_key, coalesce(c.segment, 'none') as segment, count(*) as sent,"
          + " sum(case when m.delivered_at is not null then 1 else 0 end) as delivered,"
          + " sum(case when m.opened_at is not null then 1 else 0 end) as opened,"
          + " sum(case when m.clicked_at is not null then 1 else 0 end) as clicked,"
          // A reply belongs to the last email sent before it.
          + " sum(case when exists (select 1 from replies r where r.contact_id = m.contact_id"
          + "   and r.received_at >= m.sent_at and not exists (select 1 from emails n"
          + "   where n.contact_id = m.contact_id and n.sent_at > m.sent_at"
          + "   and n.sent_at <= r.received_at)) then 1 else 0 end) as replied,"
          + " sum(case when exists (select 1 from bookings b where b.last_sent_email = m.id"
          + "   and b.state = 'BOOKED') then 1 else 0 end) as booked"
          + " from emails m join contacts c on c.id = m.contact_id"
          + " where m.state = 'SENT' and m.sent_at >= :from and m.sent_at < :to"
          + " group by m.template_key, coalesce(c.segment, 'none')";

  private static final String CONVERSIONS =
      "select coalesce(c.segment, 'none') as segment, count(*) as assessed,"
          + " sum(case when exists (select 1 from bookings b where b.contact_id = c.id"
          + "   and b.state = 'BOOKED') then 1 else 0 end) as booked"
          + " from contacts c where c.id in (select a.contact_id from assessments a"
          + "   where a.received_at >= :from and a.received_at < :to)"
          + " group by coalesce(c.segment, 'none') order by 1";

  public Funnel funnel(Handle h, LocalDate from, LocalDate to) {
    long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    List<Funnel.Cell> cells =
        h.createQuery(STAGES)
            .bind("from", start)
            .bind("to", end)
            .map(
                (rs, ctx) ->
                    new Funnel.Cell(
                        rs.getString("template_key"),
                        rs.getString("segment"),
                        new Funnel.Stages(
                            null,
                            rs.getLong("sent"),
                            rs.getLong("delivered"),
                            rs.getLong("opened"),
                            rs.getLong("clicked"),
                            rs.getLong("replied"),
                            rs.getLong("booked"))))
            .list();
    List<Funnel.Conversion> conversions =
        h.createQuery(CONVERSIONS)
            .bind("from", start)
            .bind("to", end)
            .map(
                (rs, ctx) ->
                    new Funnel.Conversion(
                        rs.getString("segment"), rs.getLong("assessed"), rs.getLong("booked")))
            .list();
    return Funnel.of(from, to, cells, conversions);
  }
}
