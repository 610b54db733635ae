package ca.businessx.nurture.console;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's wording: timeline codes as sentences, a score out of 100, and the notices an action
 * redirects with. A notice travels as a code, so a link cannot put its own words into the console's
 * green "done" banner.
 */
final class ConsoleWords {
  private ConsoleWords() {}

  static final Map<String, String> NOTICES =
      Map.of(
          "stopped", "Sequence stopped.",
          "resumed", "Sequence resumed: its next email waits its full pause from now.",
          "sent_next", "The next email will go out within moments.",
          "retried", "Email queued for another try.",
          "skipped", "Email skipped; the sequence moves on.",
          "accepted", "Change accepted; later emails use it.",
          "variant_promoted", "Subject promoted: every lead now gets it.",
          "variant_already_promoted", "That subject was already the promoted one.");

  private static final Map<String, String> EVENTS =
      Map.ofEntries(
          Map.entry("signed_up", "Signed up"),
          Map.entry("signed_up_again", "Signed up again"),
          Map.entry("signup_while_suppressed", "Signed up while suppressed"),
          Map.entry("assessed", "Took the assessment"),
          Map.entry("enrolled", "Enrolled in the sequence"),
          Map.entry("reentered", "Started the sequence again"),
          Map.entry("email_sent", "Email sent"),
          Map.entry("email_parked", "Email parked, waiting for a person"),
          Map.entry("email_retry", "Email failed; trying again"),
          Map.entry("email_retry_requested", "Retry requested"),
          Map.entry("email_skipped", "Email skipped"),
          Map.entry("send_now_requested", "Next email requested now"),
          Map.entry("sequence_completed", "Sequence completed"),
          Map.entry("sequence_stopped", "Sequence stopped"),
          Map.entry("sequence_booked", "Sequence ended by a booking"),
          Map.entry("sequence_resumed", "Sequence resumed by a person"),
          Map.entry("alert_sent", "Team alerted"),
          Map.entry("alert_retry", "Team alert failed; trying again"),
          Map.entry("alert_failed", "Team alert failed"),
          Map.entry("notice_sent", "Team notified"),
          Map.entry("booked", "Booked a call"),
          Map.entry("booking_cancelled", "Cancelled the call"),
          Map.entry("booking_cancelled_unknown", "Cancelled a call not known here"),
          Map.entry("created_by_booking", "Created by a booking"),
          Map.entry("replied", "Replied"),
          Map.entry("email_failed", "Resend could not send an email it had taken"),
          Map.entry("profile_change_proposed", "Proposed a profile change"),
          Map.entry("profile_change_accepted", "Profile change accepted"),
          Map.entry("resubscribe_requested", "Asked to be mailed again"),
          Map.entry("resubscribe_confirmation_sent", "Re-subscription confirmation sent"),
          Map.entry("resubscribed", "Confirmed the re-subscription"),
          Map.entry("imported_from_crm", "Imported from the CRM"),
          Map.entry("sequence_migrated", "Moved to another sequence version"),
          Map.entry("link_clicked", "Clicked a link"),
          Map.entry("wait_shortened", "Next email brought forward by a click"),
          Map.entry("erased", "Personal data erased"));

  /** A timeline code as a sentence; a code not listed reads as its words, capitalised. */
  static String event(String kind) {
    String known = EVENTS.get(kind);
    if (known != null) {
      return known;
    }
    String words = kind.replace('_', ' ');
    return words.isEmpty()
        ? words
        : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** 48.0 reads 48/100; 88.5 reads 88.5/100; no score reads nothing. */
  static String score(Double score) {
    if (score == null) {
      return "";
    }
    String n = score == Math.rint(score) ? Long.toString(Math.round(score)) : score.toString();
    return n + "/100";
  }

  /**
   * What to do about a parked email, from its reason: where the service could not connect (the
   * configured host and port), a refused login, a refused address, or else the general rule.
   *
   * @param sender how the email leaves, e.g. {@code SMTP mail.example.ca:587}
   */
  static String nextStep(String reason, String sender) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (r.contains("connection") || r.contains("timed out") || r.contains("timeout")) {
      return "Nurture could not reach "
          + sender
          + ": check that it is up and that the host and port are right, then Retry.";
    }
    if (r.contains("authentication") || r.contains("401") || r.contains("403")) {
      return "The provider refused the login: check SMTP_USERNAME and SMTP_PASSWORD (or"
          + " RESEND_API_KEY), then Retry.";
    }
    if (r.contains("recipient") || r.contains("rejected") || r.contains("550")) {
      return "The address was refused: check it with the lead, then Retry, or Skip to move on.";
    }
    return "Fix the cause, then Retry; or Skip to move the lead on.";
  }

  static Optional<String> notice(String code) {
    return Optional.ofNullable(code).map(NOTICES::get);
  }
}
