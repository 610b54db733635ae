package ca.businessx.nurture.sequence;

import ca.businessx.nurture.events.NurtureEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a guarded update over a batch's enrollments found changed meanwhile: a person acted between
 * the claim and the record (stopped, brought a step forward), and their change stands.
 */
final class LostRaces {
  private static final Logger log = LoggerFactory.getLogger(LostRaces.class);
  private final NurtureEvents events;

  LostRaces(NurtureEvents events) {
    this.events = events;
  }

  void count(int changed, int expected, String what) {
    if (changed >= expected) {
      return;
    }
    for (int i = changed; i < expected; i++) {
      events.lostRace(what);
    }
    log.info(
        "{} of {} enrollments changed meanwhile ({}): left as they are",
        expected - changed,
        expected,
        what);
  }
}
