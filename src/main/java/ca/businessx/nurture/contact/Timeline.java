package ca.businessx.nurture.contact;

import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.platform.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Each contact's story: what happened and when. Details never hold the address or name. */
public final class Timeline {
  /** Orders events within one millisecond; nanoTime only ever grows within a process. */
  private static final java.util.concurrent.atomic.AtomicLong SEQ =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

  public record Event(Instant at, String kind, String detail) {}

  public void record(Handle h, String contactId, Instant at, String kind, String detail) {
    h.createUpdate(
            "insert into events (id, contact_id, at, seq, kind, detail)"
                + " values (:id, :contact, :at, :seq, :kind, :detail)")
        .bind("seq", SEQ.incrementAndGet())
        .bind("id", Ids.newId())
        .bind("contact", contactId)
        .bind("at", at.toEpochMilli())
        .bind("kind", kind)
        .bind("detail", detail)
        .execute();
  }

  /**
   * The next place in the order within a millisecond, for an event inserted by a statement of its
   * own (see intake/IntakeWrites), as {@link #record} would take it.
   */
  public long nextSeq() {
    return SEQ.incrementAndGet();
  }

  /** An event to insert later, its order within the millisecond fixed when it is made. */
  public record Entry(String contactId, Instant at, long seq, String kind, String detail) {}

  /**
   * Makes an entry for {@link #recordAll}, taking its place in the order now, as {@link #record}
   * would.
   */
  public Entry entry(String contactId, Instant at, String kind, String detail) {
    return new Entry(contactId, at, SEQ.incrementAndGet(), kind, detail);
  }

  /** Inserts the entries as one JDBC batch. */
  public void recordAll(Handle h, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "insert into events (id, contact_id, at, seq, kind, detail)"
                + " values (:id, :contact, :at, :seq, :kind, :detail)");
    for (Entry e : entries) {
      batch
          .bind("id", Ids.newId())
          .bind("contact", e.contactId())
          .bind("at", e.at().toEpochMilli())
          .bind("seq", e.seq())
          .bind("kind", e.kind())
          .bind("detail", e.detail())
          .add();
    }
    batch.execute();
  }

  public List<Event> of(Handle h, String contactId) {
    return h.createQuery(
            "select at, kind, detail from events where contact_id = :contact order by at, seq")
        .bind("contact", contactId)
        .map(
            (rs, ctx) ->
                new Event(Rows.instant(rs, "at"), rs.getString("kind"), rs.getString("detail")))
        .list();
  }
}
