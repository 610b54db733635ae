package ca.businessx.nurture.delivery;

import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.engagement.EngagementScore;
import ca.businessx.nurture.engagement.EngagementTracker;
import ca.businessx.nurture.link.ClickRecorder;
import ca.businessx.nurture.suppression.SuppressionReason;
import ca.businessx.nurture.unsubscribe.ContactSuppressor;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a provider reports about an email after it left: delivery, opens, clicks, bounces,
 * complaints and suppressions, recorded on the email and the lead's timeline. A permanent bounce, a
 * complaint or a suppression withdraws the address from all mail.
 */
final class DeliveryEvents {
  private record Sent(String id, String contactId, String templateKey) {}

  private final ContactSuppressor suppressor;
  private final ClickRecorder clicks;
  private final EngagementTracker engagement;
  private final Timeline timeline = new Timeline();

  DeliveryEvents(ContactSuppressor suppressor, ClickRecorder clicks, EngagementTracker engagement) {
    this.suppressor = suppressor;
    this.clicks = clicks;
    this.engagement = engagement;
  }

  /** Answers whether the event concerned an email this service sent. */
  boolean record(Handle h, JsonNode event, Instant now) {
    String type = event.path("type").asText("");
    Optional<Sent> email = find(h, event.path("data").path("email_id").asText(""));
    if (email.isEmpty()) {
      return false;
    }
    Sent e = email.get();
    switch (type) {
      case "email.delivered" -> mark(h, e, "delivered_at", now);
      case "email.opened" -> {
        if (mark(h, e, "opened_at", now)) {
          engagement.engaged(h, e.contactId(), EngagementScore.Kind.OPEN, now);
        }
      }
      case "email.clicked" ->
          // Merged with our own redirect's clicks: once per email and link.
          clicks.reported(h, e.id(), event.path("data").path("click").path("link").asText(""), now);
      case "email.complained" -> {
        mark(h, e, "complained_at", now);
        suppressor.suppress(h, e.contactId(), SuppressionReason.COMPLAINED, e.templateKey(), now);
      }
      case "email.bounced" ->
          bounced(h, e, event.path("data").path("bounce").path("type").asText("Undetermined"), now);
      case "email.suppressed" -> suppressed(h, e, event.path("data").path("suppressed"), now);
      case "email.failed" -> failed(h, e, event.path("data").path("failed").path("reason"), now);
      case "email.delivery_delayed" -> {}
      default -> {
        return true;
      }
    }
    timeline.record(h, e.contactId(), now, type.replace('.', '_'), e.templateKey());
    return true;
  }

  /**
   * Resend refused to send to an address it had seen bounce or complain: the same as the bounce or
   * complaint itself, so the sequence stops and the address is withdrawn here too.
   */
  private void suppressed(Handle h, Sent e, JsonNode suppressed, Instant now) {
    SuppressionReason reason =
        suppressed.path("reason").asText("").equals("previous_complaint")
            ? SuppressionReason.COMPLAINED
            : SuppressionReason.BOUNCED;
    suppressor.suppress(h, e.contactId(), reason, e.templateKey(), now);
  }

  /**
   * Resend accepted the email but could not send it: it stays sent as far as the sequence goes (a
   * retry under its key would be answered from Resend's cache, not sent), and the follow-up queue
   * shows it with the reason, for a person to reach the lead another way.
   */
  private static void failed(Handle h, Sent e, JsonNode reason, Instant now) {
    String why = reason.asText("").strip();
    h.createUpdate(
            "update emails set failed_at = coalesce(failed_at, :now), failure_reason ="
                + " coalesce(failure_reason, :why) where id = :id")
        .bind("id", e.id())
        .bind("now", now.toEpochMilli())
        .bind(
            "why",
            why.isEmpty() ? "no reason given" : why.substring(0, Math.min(200, why.length())))
        .execute();
  }

  private void bounced(Handle h, Sent e, String bounceType, Instant now) {
    h.createUpdate("update emails set bounce_type = :t where id = :id")
        .bind("id", e.id())
        .bind("t", knownBounceType(bounceType))
        .execute();
    if (bounceType.equals("Permanent")) {
      suppressor.suppress(h, e.contactId(), SuppressionReason.BOUNCED, e.templateKey(), now);
    }
  }

  /** Resend's three bounce types; anything else it may add is stored as Undetermined. */
  private static String knownBounceType(String type) {
    return switch (type) {
      case "Permanent", "Transient" -> type;
      default -> "Undetermined";
    };
  }

  /** Sets the column unless it is set; answers whether this was the first time. */
  private static boolean mark(Handle h, Sent e, String column, Instant now) {
    return h.createUpdate(
                "update emails set " + column + " = :now where id = :id and " + column + " is null")
            .bind("id", e.id())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  private static Optional<Sent> find(Handle h, String providerMessageId) {
    if (providerMessageId.isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery(
            "select id, contact_id, template_key from emails where provider_message_id = :m")
        .bind("m", providerMessageId)
        .map(
            (rs, ctx) ->
                new Sent(
                    rs.getString("id"), rs.getString("contact_id"), rs.getString("template_key")))
        .findFirst();
  }
}
