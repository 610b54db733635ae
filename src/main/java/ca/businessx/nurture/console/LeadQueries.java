package ca.businessx.nurture.console;

import ca.businessx.nurture.platform.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Lists of leads and of emails waiting for a person, shared by the console pages and the CLI. */
public final class LeadQueries {

  /** What to list; null fields do not filter. {@code state} may be NOT_ENROLLED. */
  public record Filter(String emailFragment, String segment, String state) {}

  public record LeadRow(
      String id,
      String email,
      String name,
      String businessName,
      String segment,
      String state,
      Integer step,
      Instant signedUpAt,
      Instant nextDueAt) {}

  public record Page(List<LeadRow> rows, long total) {}

  public record ParkedEmail(
      String id,
      String contactId,
      String email,
      int step,
      String templateKey,
      int attempts,
      String lastError,
      Instant parkedAt) {}

  public Page leads(Handle h, Filter f, int offset, int limit) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (f.emailFragment() != null) {
      where.append(" and c.email like :q");
    }
    if (f.segment() != null) {
      where.append(" and c.segment = :segment");
    }
    if ("NOT_ENROLLED".equals(f.state())) {
      where.append(" and e.id is null");
    } else if (f.state() != null) {
      where.append(" and e.state = :state");
    }
    String from =
        " from contacts c left join enrollments e on e.contact_id = c.id and e.superseded_at is null"
            + where;
    long total = bind(h.createQuery("select count(*)" + from), f).mapTo(Long.class).one();
    List<LeadRow> rows =
        bind(
                h.createQuery(
                    "select c.id, c.email, c.name, c.business_name, c.segment, e.state, e.current_step,"
                        + " c.signed_up_at, e.next_due_at"
                        + from
                        + " order by c.signed_up_at desc, c.id limit :limit offset :offset"),
                f)
            .bind("limit", limit)
            .bind("offset", offset)
            .map(
                (rs, ctx) ->
                    new LeadRow(
                        rs.getString("id"),
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("business_name"),
                        rs.getString("segment"),
                        rs.getString("state"),
                        Rows.integer(rs, "current_step"),
                        Rows.instant(rs, "signed_up_at"),
                        Rows.instant(rs, "next_due_at")))
            .list();
    return new Page(rows, total);
  }

  private static Query bind(Query q, Filter f) {
    if (f.emailFragment() != null) {
      q.bind(
          "q",
          "%"
              + f.emailFragment().trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")
              + "%");
    }
    if (f.segment() != null) {
      q.bind("segment", f.segment());
    }
    if (f.state() != null && !"NOT_ENROLLED".equals(f.state())) {
      q.bind("state", f.state());
    }
    return q;
  }

  public List<ParkedEmail> parked(Handle h) {
    return h.createQuery(
            "select m.id, m.contact_id, c.email, m.step, m.template_key, m.attempts, m.last_error,"
                + " m.updated_at from emails m join contacts c on c.id = m.contact_id"
                + " where m.state = 'PARKED' order by m.updated_at, m.id")
        .map(
            (rs, ctx) ->
                new ParkedEmail(
                    rs.getString("id"),
                    rs.getString("contact_id"),
                    rs.getString("email"),
                    rs.getInt("step"),
                    rs.getString("template_key"),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    Rows.instant(rs, "updated_at")))
        .list();
  }

  /** When the send loop will next look at this enrollment, if it is due at all. */
  public Optional<Instant> wakeUp(Handle h, String enrollmentId) {
    return h.createQuery("select next_due_at from enrollments where id = :id")
        .bind("id", enrollmentId)
        .map((rs, ctx) -> Optional.ofNullable(Rows.instant(rs, "next_due_at")))
        .findOne()
        .flatMap(at -> at);
  }
}
