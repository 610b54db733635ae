package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.NextStep.Complete;
import ca.businessx.nurture.sequence.NextStep.LeadFacts;
import ca.businessx.nurture.sequence.NextStep.Paused;
import ca.businessx.nurture.sequence.NextStep.Position;
import ca.businessx.nurture.sequence.NextStep.Send;
import ca.businessx.nurture.sequence.NextStep.Stop;
import ca.businessx.nurture.sequence.NextStep.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStepTest {
  static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
  static final SequencePlan PLAN = plan(Duration.ZERO, days(1), days(2), days(2), days(2));

  static Duration days(int n) {
    return Duration.ofDays(n);
  }

  static SequencePlan plan(Duration... waits) {
    List<SequencePlan.Step> steps = new java.util.ArrayList<>();
    for (int i = 0; i < waits.length; i++) {
      int n = i + 1;
      steps.add(
          new SequencePlan.Step(
              Map.of(
                  Segment.CRITICAL, "email_" + n + "a",
                  Segment.URGENT, "email_" + n + "b",
                  Segment.OPTIMIZE, "email_" + n + "c"),
              waits[i]));
    }
    return new SequencePlan(steps);
  }

  static Position at(EnrollmentState state, int step, Instant due, Instant lastSent) {
    return new Position(state, step, Segment.URGENT, T0, due, lastSent);
  }

  @Test
  void aNewEnrollmentSendsItsFirstEmailAtOnceWithTheSegmentsTemplate() {
    assertThat(NextStep.decide(at(EnrollmentState.ACTIVE, 1, T0, null), LeadFacts.NONE, PLAN, T0))
        .isEqualTo(new Send(1, "email_1b", T0));
  }

  @Test
  void theNextStepIsPlannedFromTheScheduledTimeNotTheSendTime() {
    Instant sentLate = T0.plus(Duration.ofHours(3));
    var next =
        NextStep.afterDone(
            at(EnrollmentState.ACTIVE, 1, T0, null), LeadFacts.NONE, PLAN, sentLate, sentLate);
    assertThat(next).isEqualTo(new Wait(2, T0.plus(days(1))));
  }

  @Test
  void aVeryLateEmailIsFollowedNoSoonerThanHalfTheNextWait() {
    Instant sentLate = T0.plus(Duration.ofHours(30));
    var next =
        NextStep.afterDone(
            at(EnrollmentState.ACTIVE, 1, T0, null), LeadFacts.NONE, PLAN, sentLate, sentLate);
    assertThat(next).isEqualTo(new Wait(2, sentLate.plus(Duration.ofHours(12))));
  }

  @Test
  void theLastStepDoneCompletes() {
    Instant now = T0.plus(days(7));
    assertThat(
            NextStep.afterDone(
                at(EnrollmentState.ACTIVE, 5, now, now), LeadFacts.NONE, PLAN, now, now))
        .isEqualTo(new Complete());
  }

  @Test
  void endedStatesNeverSend() {
    assertThat(NextStep.decide(at(EnrollmentState.STOPPED, 2, T0, T0), LeadFacts.NONE, PLAN, T0))
        .isInstanceOf(Stop.class);
    assertThat(NextStep.decide(at(EnrollmentState.BOOKED, 2, T0, T0), LeadFacts.NONE, PLAN, T0))
        .isEqualTo(new Stop(EnrollmentState.BOOKED, "booked a call"));
    assertThat(NextStep.decide(at(EnrollmentState.COMPLETED, 5, T0, T0), LeadFacts.NONE, PLAN, T0))
        .isEqualTo(new Complete());
    assertThat(NextStep.decide(at(EnrollmentState.REPLIED, 2, T0, T0), LeadFacts.NONE, PLAN, T0))
        .isInstanceOf(Paused.class);
  }

  @Test
  void aSuppressedAddressStopsABookingStopsAReplyPauses() {
    Position due = at(EnrollmentState.ACTIVE, 2, T0, null);
    assertThat(NextStep.decide(due, new LeadFacts(true, false, false), PLAN, T0))
        .isEqualTo(new Stop(EnrollmentState.STOPPED, "address suppressed"));
    assertThat(NextStep.decide(due, new LeadFacts(false, true, false), PLAN, T0))
        .isInstanceOf(Stop.class);
    assertThat(NextStep.decide(due, new LeadFacts(false, false, true), PLAN, T0))
        .isInstanceOf(Paused.class);
  }

  @Test
  void aSkipRestartsTheClockAndSendNowBringsTheStepForward() {
    Instant now = T0.plus(Duration.ofHours(1));
    assertThat(
            NextStep.afterSkip(at(EnrollmentState.ACTIVE, 1, T0, null), LeadFacts.NONE, PLAN, now))
        .isEqualTo(new Wait(2, now.plus(days(1))));
    assertThat(
            NextStep.sendNow(
                at(EnrollmentState.ACTIVE, 2, T0.plus(days(1)), now), LeadFacts.NONE, PLAN, now))
        .isEqualTo(new Send(2, "email_2b", now));
  }
}
