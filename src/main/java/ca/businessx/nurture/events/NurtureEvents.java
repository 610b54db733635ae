package ca.businessx.nurture.events;

import ca.businessx.nurture.segment.Segment;
import java.time.Duration;

/**
 * What the core tells the outside world about its work, so counting and timing stay out of the
 * domain code: each hook in a core class is one line. Every method does nothing by default, so
 * {@link #NONE} serves the CLI and tests that do not care.
 */
public interface NurtureEvents {
  NurtureEvents NONE = new NurtureEvents() {};

  /** How a call to an outside system ended. */
  enum CallOutcome {
    OK,
    TRANSIENT_ERROR,
    PERMANENT_ERROR
  }

  /** A webhook was answered; {@code outcome} is a short word such as created or invalid. */
  default void webhookReceived(String kind, String outcome) {}

  /**
   * A guarded state change found the row already changed by someone else (another node took a batch
   * over, a person acted meanwhile); {@code what} names the change, e.g. {@code email_sent}.
   */
  default void lostRace(String what) {}

  /** A signup was stored; {@code created} when it was a new contact. */
  default void contactSignedUp(boolean created) {}

  default void assessed(Segment segment) {}

  default void emailSent(String template, String provider) {}

  /** A send attempt failed; {@code parked} when no retry follows and a person must decide. */
  default void emailFailed(String template, String provider, boolean parked) {}

  /** One call to an outside system (kind: email, alert, crm, templates) and how long it took. */
  default void providerCall(String provider, String kind, Duration took, CallOutcome outcome) {}

  default void templateFallback(String template) {}

  /** A wrong admin token was given; {@code surface} is api (bearer header) or login. */
  default void adminAuthFailed(String surface) {}

  /** An admin token was refused unchecked because its client is still locked out. */
  default void adminAuthThrottled(String surface) {}

  /**
   * A lead clicked a link of an email for the first time (once per email and link); {@code segment}
   * is the lead's ({@code none} before an assessment), {@code template} the email's.
   */
  default void linkClicked(String segment, String template, boolean bookingLink) {}

  /** A call was booked; {@code template} is the last email sent before it ({@code none}). */
  default void booked(String segment, String template) {}

  /** A lead replied; {@code template} is the last email sent before the reply ({@code none}). */
  default void replied(String segment, String template) {}
}
