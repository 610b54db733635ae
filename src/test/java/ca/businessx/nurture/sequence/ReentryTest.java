package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReentryTest {
  static final Duration AFTER = Duration.ofDays(90);
  static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");

  static Enrollment ended(EnrollmentState state, Duration ago, String reason) {
    Instant at = NOW.minus(ago);
    return new Enrollment(
        "e1",
        "c1",
        state,
        6,
        at.minus(Duration.ofDays(7)),
        null,
        state.hasEnded() ? at : null,
        reason,
        null,
        at,
        1);
  }

  static Reentry.Decision decide(Enrollment previous, Segment before, Segment after) {
    return Reentry.decide(
        new Reentry.Facts(previous, before, after, false, false, null), NOW, AFTER);
  }

  @Test
  void aCompletedSequenceStartsAgainAfterReentryAfter() {
    Enrollment done = ended(EnrollmentState.COMPLETED, Duration.ofDays(91), null);
    assertThat(decide(done, Segment.URGENT, Segment.URGENT).reenter()).isTrue();
    Enrollment recent = ended(EnrollmentState.COMPLETED, Duration.ofDays(89), null);
    Reentry.Decision no = decide(recent, Segment.URGENT, Segment.URGENT);
    assertThat(no.reenter()).isFalse();
    assertThat(no.reason()).contains("within REENTRY_AFTER");
  }

  @Test
  void aWorseSegmentStartsAgainAtOnceButABetterOneDoesNot() {
    Enrollment recent = ended(EnrollmentState.COMPLETED, Duration.ofDays(3), null);
    Reentry.Decision worse = decide(recent, Segment.URGENT, Segment.CRITICAL);
    assertThat(worse.reenter()).isTrue();
    assertThat(worse.reason()).isEqualTo("the segment got worse");
    assertThat(decide(recent, Segment.OPTIMIZE, Segment.URGENT).reenter()).isTrue();
    assertThat(decide(recent, Segment.CRITICAL, Segment.URGENT).reenter()).isFalse();
    assertThat(decide(recent, null, Segment.CRITICAL).reenter()).isFalse();
  }

  @Test
  void neverWhileASequenceRunsOrWaitsForAPerson() {
    for (EnrollmentState running :
        new EnrollmentState[] {
          EnrollmentState.ACTIVE, EnrollmentState.PAUSED, EnrollmentState.REPLIED
        }) {
      Enrollment e = ended(running, Duration.ofDays(200), null);
      Reentry.Decision d = decide(e, Segment.OPTIMIZE, Segment.CRITICAL);
      assertThat(d.reenter()).as(running.name()).isFalse();
      assertThat(d.reason()).isEqualTo("a sequence is still running");
    }
  }

  @Test
  void neverAfterAnUnsubscribeOrABounceHoweverLongAgo() {
    Enrollment old = ended(EnrollmentState.COMPLETED, Duration.ofDays(400), null);
    Reentry.Facts unsubscribed =
        new Reentry.Facts(old, Segment.URGENT, Segment.CRITICAL, true, false, null);
    assertThat(Reentry.decide(unsubscribed, NOW, AFTER).reason())
        .isEqualTo("the lead unsubscribed");
    Reentry.Facts bounced =
        new Reentry.Facts(old, Segment.URGENT, Segment.CRITICAL, false, true, null);
    assertThat(Reentry.decide(bounced, NOW, AFTER).reenter()).isFalse();
    for (String reason : new String[] {"unsubscribed", "bounced", "complained"}) {
      Enrollment stopped = ended(EnrollmentState.STOPPED, Duration.ofDays(400), reason);
      assertThat(decide(stopped, Segment.URGENT, Segment.CRITICAL).reenter()).as(reason).isFalse();
    }
  }

  @Test
  void aBookingWithinReentryAfterBarsEvenAWorseSegment() {
    Enrollment booked = ended(EnrollmentState.BOOKED, Duration.ofDays(120), null);
    Reentry.Facts recentCall =
        new Reentry.Facts(
            booked, Segment.URGENT, Segment.CRITICAL, false, false, NOW.minus(Duration.ofDays(30)));
    Reentry.Decision d = Reentry.decide(recentCall, NOW, AFTER);
    assertThat(d.reenter()).isFalse();
    assertThat(d.reason()).contains("booked");
    Reentry.Facts oldCall =
        new Reentry.Facts(
            booked, Segment.URGENT, Segment.URGENT, false, false, NOW.minus(Duration.ofDays(120)));
    assertThat(Reentry.decide(oldCall, NOW, AFTER).reenter()).isTrue();
  }

  @Test
  void aPersonsStopWaitsOutReentryAfterWhateverTheSegment() {
    Enrollment stopped =
        ended(EnrollmentState.STOPPED, Duration.ofDays(10), "stopped by an operator");
    assertThat(decide(stopped, Segment.OPTIMIZE, Segment.CRITICAL).reenter()).isFalse();
    Enrollment longAgo =
        ended(EnrollmentState.STOPPED, Duration.ofDays(100), "stopped by the lead");
    assertThat(decide(longAgo, Segment.OPTIMIZE, Segment.OPTIMIZE).reenter()).isTrue();
  }
}
