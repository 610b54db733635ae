package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.calendar.SendWindow;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.NextStep.LeadFacts;
import ca.businessx.nurture.sequence.NextStep.LeadHours;
import ca.businessx.nurture.sequence.NextStep.Planned;
import ca.businessx.nurture.sequence.NextStep.Position;
import ca.businessx.nurture.sequence.NextStep.Send;
import ca.businessx.nurture.sequence.NextStep.Wait;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The send window as a rule of the decision: which steps it moves, and to when. */
class NextStepWindowTest {
  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
  static final SendWindow OFFICE = SendWindow.parse("MON-FRI 09:00-17:00");

  /** Email 1 at once, the others in the window: the shipped sequence's shape. */
  static final SequencePlan PLAN = shipped(Duration.ofHours(24), Duration.ofHours(48));

  static SequencePlan shipped(Duration... waits) {
    List<SequencePlan.Step> steps = new ArrayList<>();
    steps.add(new SequencePlan.Step(Map.of(Segment.URGENT, "email_1"), Duration.ZERO, false));
    for (int i = 0; i < waits.length; i++) {
      steps.add(new SequencePlan.Step(Map.of(Segment.URGENT, "email_" + (i + 2)), waits[i], true));
    }
    return new SequencePlan(steps);
  }

  static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  static LeadFacts lead(ZoneId zone, Province province) {
    return new LeadFacts(false, false, false, new LeadHours(OFFICE, zone, province));
  }

  static Position step(int n, Instant due) {
    return new Position(
        EnrollmentState.ACTIVE, n, Segment.URGENT, due.minus(Duration.ofDays(1)), due, null);
  }

  @Test
  void emailOneGoesAtOnceEvenAtThreeOnASaturdayMorning() {
    Instant night = local("2026-03-07T03:00", TORONTO);
    assertThat(NextStep.decide(step(1, night), lead(TORONTO, Province.ON), PLAN, night))
        .isEqualTo(new Send(1, "email_1", night));
  }

  @Test
  void aWaitEndingAfterHoursOnFridayGoesOnMondayAtNineInTheLeadsZone() {
    Instant friday = local("2026-03-06T18:00", TORONTO);
    assertThat(NextStep.decide(step(2, friday), lead(TORONTO, Province.ON), PLAN, friday))
        .isEqualTo(new Wait(2, local("2026-03-09T09:00", TORONTO)));
    // 18:00 in Toronto is 15:00 in Vancouver: open there.
    assertThat(NextStep.decide(step(2, friday), lead(VANCOUVER, Province.BC), PLAN, friday))
        .isEqualTo(new Send(2, "email_2", friday));
  }

  @Test
  void theLeadsProvincialHolidaysAreClosedAndTheNationalOnesForEveryone() {
    Instant stJean = local("2026-06-24T10:00", TORONTO);
    assertThat(NextStep.decide(step(2, stJean), lead(TORONTO, Province.QC), PLAN, stJean))
        .isEqualTo(new Wait(2, local("2026-06-25T09:00", TORONTO)));
    assertThat(NextStep.decide(step(2, stJean), lead(TORONTO, Province.ON), PLAN, stJean))
        .isInstanceOf(Send.class);
    Instant canadaDay = local("2026-07-01T10:00", TORONTO);
    assertThat(NextStep.decide(step(2, canadaDay), lead(TORONTO, null), PLAN, canadaDay))
        .isEqualTo(new Wait(2, local("2026-07-02T09:00", TORONTO)));
  }

  @Test
  void anEmailDueWhileTheSenderWasDownWaitsForTheNextOpeningNotTheClosedHours() {
    Instant due = local("2026-03-03T10:00", TORONTO);
    Instant evening = local("2026-03-03T19:30", TORONTO);
    assertThat(NextStep.decide(step(2, due), lead(TORONTO, Province.ON), PLAN, evening))
        .isEqualTo(new Wait(2, local("2026-03-04T09:00", TORONTO)));
    // Still open when it looks late: it goes now, its scheduled time unchanged.
    Instant afternoon = local("2026-03-03T16:59", TORONTO);
    assertThat(NextStep.decide(step(2, due), lead(TORONTO, Province.ON), PLAN, afternoon))
        .isEqualTo(new Send(2, "email_2", due));
  }

  @Test
  void withoutAWindowNothingMoves() {
    Instant night = local("2026-03-07T03:00", TORONTO);
    assertThat(NextStep.decide(step(2, night), LeadFacts.NONE, PLAN, night))
        .isEqualTo(new Send(2, "email_2", night));
  }

  @Test
  void thePreviewRunsTheDecisionForwardAndSaysWhatTheWindowMoved() {
    // Assessed on Thursday at 20:00 in Toronto: email 1 at once, email 2 on Friday at 20:00 is
    // after hours (Monday 9:00), email 3 two days after that.
    Instant assessed = local("2026-03-05T20:00", TORONTO);
    Position first =
        new Position(EnrollmentState.ACTIVE, 1, Segment.URGENT, assessed, assessed, null);
    List<Planned> plan = NextStep.preview(first, lead(TORONTO, Province.ON), PLAN, assessed);
    assertThat(plan)
        .containsExactly(
            new Planned(1, "email_1", assessed, false),
            new Planned(2, "email_2", local("2026-03-09T09:00", TORONTO), true),
            new Planned(3, "email_3", local("2026-03-11T09:00", TORONTO), false));
    assertThat(NextStep.preview(first, LeadFacts.NONE, PLAN, assessed))
        .extracting(Planned::at)
        .containsExactly(
            assessed, assessed.plus(Duration.ofHours(24)), assessed.plus(Duration.ofHours(72)));
  }

  @Test
  void aStepTheWindowAlreadyMovedIsStillSaidToBeMoved() {
    // Email 1 went on Thursday at 20:00; the recorder kept Monday 9:00 as email 2's time.
    Instant sent = local("2026-03-05T20:00", TORONTO);
    Instant monday = local("2026-03-09T09:00", TORONTO);
    Position second = new Position(EnrollmentState.ACTIVE, 2, Segment.URGENT, sent, monday, sent);
    assertThat(NextStep.preview(second, lead(TORONTO, Province.ON), PLAN, sent).get(0))
        .isEqualTo(new Planned(2, "email_2", monday, true));
    Position onTime =
        new Position(
            EnrollmentState.ACTIVE, 2, Segment.URGENT, sent, sent.plus(Duration.ofHours(24)), sent);
    assertThat(NextStep.preview(onTime, LeadFacts.NONE, PLAN, sent).get(0).movedByWindow())
        .isFalse();
  }

  @Test
  void aSequenceThatEndedHasNothingToPreview() {
    Position done =
        new Position(
            EnrollmentState.COMPLETED, 3, Segment.URGENT, NextStepTest.T0, NextStepTest.T0, null);
    assertThat(NextStep.preview(done, LeadFacts.NONE, PLAN, NextStepTest.T0)).isEmpty();
  }
}
