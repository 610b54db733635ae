package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * When each of a lead's remaining emails would leave, on its pinned version and in its own hours:
 * {@link NextStep#preview} with the lead's facts, for the console and the command line.
 */
public final class SendPreview {
  private final SequenceVersions versions;
  private final SendHours hours;

  public SendPreview(SequenceVersions versions, SendHours hours) {
    this.versions = versions;
    this.hours = hours;
  }

  public List<NextStep.Planned> of(Enrollment e, Contact c, Instant now) {
    return NextStep.preview(e.position(c.segment()), hours.facts(c), versions.of(e), now);
  }

  /** The zone the lead's emails are timed in. */
  public ZoneId zoneOf(Contact c) {
    return hours.locales().zoneOf(c.locale());
  }
}
