package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.NextStep.LeadFacts;
import ca.businessx.nurture.sequence.NextStep.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The "if engaged" wait, for any wait, share, lateness and moment of asking: an engaged lead is
 * never due later than one who did not click, and never before half the wait after the previous
 * email went out.
 */
class EngagedWaitPropertiesTest {
  static final Instant T0 = NextStepTest.T0;

  @Property(tries = 1000)
  void engagedIsNeverLaterAndNeverBeforeHalfTheWait(
      @ForAll @LongRange(min = 0, max = 6 * 24 * 60) long waitMinutes,
      @ForAll @DoubleRange(min = 0.5, max = 1.0) double share,
      @ForAll @LongRange(min = 0, max = 6 * 24 * 60) long lateMinutes,
      @ForAll @LongRange(min = 0, max = 12 * 24 * 60) long askedMinutes,
      @ForAll @IntRange(min = 0, max = 1) int alreadyForward) {
    Duration wait = Duration.ofMinutes(waitMinutes);
    Duration engaged = Duration.ofMillis(Math.round(wait.toMillis() * share));
    SequencePlan plan =
        new SequencePlan(
            List.of(
                new SequencePlan.Step(NextStepTest.PLAN.steps().get(0).templates(), Duration.ZERO),
                new SequencePlan.Step(
                    NextStepTest.PLAN.steps().get(1).templates(), wait, engaged)));
    Instant sent = T0.plus(Duration.ofMinutes(lateMinutes));
    // As the recorder plans it; or as a click already brought it forward.
    Instant scheduled =
        NextStep.afterDone(
                new Position(EnrollmentState.ACTIVE, 1, Segment.URGENT, T0, T0, null),
                LeadFacts.NONE,
                plan,
                sent,
                sent)
            .at()
            .orElseThrow();
    Position p = new Position(EnrollmentState.ACTIVE, 2, Segment.URGENT, T0, scheduled, sent);
    LeadFacts clicked = LeadFacts.NONE.withClicked(Set.of(1));
    if (alreadyForward == 1) {
      Instant forward = NextStep.decide(p, clicked, plan, sent).at().orElseThrow();
      p = new Position(EnrollmentState.ACTIVE, 2, Segment.URGENT, T0, forward, sent);
    }
    Instant now = sent.plus(Duration.ofMinutes(askedMinutes));

    Instant plain = NextStep.decide(p, LeadFacts.NONE, plan, now).at().orElseThrow();
    Instant fast = NextStep.decide(p, clicked, plan, now).at().orElseThrow();
    assertThat(fast).isBeforeOrEqualTo(plain);
    assertThat(fast).isAfterOrEqualTo(sent.plus(wait.dividedBy(2)));
    assertThat(NextStep.due(p, clicked, plan, now).orElseThrow().at()).isEqualTo(fast);
  }
}
