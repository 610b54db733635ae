package ca.businessx.nurture.link;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Ids;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Records a click on an email's link inside the caller's transaction, once per email and link name
 * whichever reports it first (our redirect, or Resend's click tracking), so the two never count one
 * click twice. The email's {@code clicked_at} keeps the first click of any link.
 */
public final class ClickRecorder {
  /** A click recorded for the first time. */
  public record Click(
      String emailId, String contactId, String templateKey, String linkName, Instant at) {
    public boolean isBooking() {
      return linkName.equals(TrackedLinks.BOOKING);
    }
  }

  /** Told of each first click, in the same transaction (engagement, metrics). */
  public interface Listener {
    void clicked(Handle h, Click click);
  }

  private record Email(String id, String contactId, String templateKey) {}

  private final TrackedLinks links;
  private final Listener listener;
  private final Timeline timeline = new Timeline();

  public ClickRecorder(TrackedLinks links, Listener listener) {
    this.links = links;
    this.listener = listener;
  }

  /** A click through our redirect; false when the email is not (or no longer) stored. */
  public boolean redirected(Handle h, LinkTarget target, Instant now) {
    return email(h, "idempotency_key", target.emailKey())
        .map(e -> record(h, e, target.name(), "redirect", now))
        .orElse(false);
  }

  /** A click Resend reports on an email, by the URL the lead followed. */
  public boolean reported(Handle h, String emailId, String clickedUrl, Instant now) {
    return email(h, "id", emailId)
        .map(e -> record(h, e, links.nameOf(clickedUrl), "resend", now))
        .orElse(false);
  }

  private boolean record(Handle h, Email e, String name, String source, Instant now) {
    // A repeated click changes nothing, so it writes nothing (SQLite has one writer).
    boolean seen =
        h.createQuery("select count(*) from link_clicks where email_id = :email and link_name = :n")
                .bind("email", e.id())
                .bind("n", name)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (seen) {
      return false;
    }
    int fresh =
        h.createUpdate(
                "insert into link_clicks (id, email_id, contact_id, link_name, source, clicked_at)"
                    + " values (:id, :email, :contact, :name, :source, :now)"
                    + " on conflict (email_id, link_name) do nothing")
            .bind("id", Ids.newId())
            .bind("email", e.id())
            .bind("contact", e.contactId())
            .bind("name", name)
            .bind("source", source)
            .bind("now", now.toEpochMilli())
            .execute();
    if (fresh == 0) {
      return false; // another delivery of the same click committed first
    }
    h.createUpdate("update emails set clicked_at = coalesce(clicked_at, :now) where id = :id")
        .bind("id", e.id())
        .bind("now", now.toEpochMilli())
        .execute();
    timeline.record(h, e.contactId(), now, "link_clicked", e.templateKey() + ": " + name);
    listener.clicked(h, new Click(e.id(), e.contactId(), e.templateKey(), name, now));
    return true;
  }

  private static Optional<Email> email(Handle h, String column, String value) {
    return h.createQuery(
            "select id, contact_id, template_key from emails where " + column + " = :v")
        .bind("v", value)
        .map((rs, ctx) -> new Email(rs.getString(1), rs.getString(2), rs.getString(3)))
        .findOne();
  }
}
