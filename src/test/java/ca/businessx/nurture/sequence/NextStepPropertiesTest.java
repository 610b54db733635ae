package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.sequence.NextStep.Decision;
import ca.businessx.nurture.sequence.NextStep.LeadFacts;
import ca.businessx.nurture.sequence.NextStep.Position;
import ca.businessx.nurture.sequence.NextStep.Send;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The sequence run to its end by the decision alone, with random waits, random lateness of each
 * send and random moments of looking: the invariants every feature built on it relies on.
 */
class NextStepPropertiesTest {
  static final Instant T0 = NextStepTest.T0;

  /** Runs the decision like the send loop does, answering each send's time. */
  static List<Instant> run(SequencePlan plan, List<Long> lateMinutes, Set<Integer> seen) {
    Position p = new Position(EnrollmentState.ACTIVE, 1, Segment.CRITICAL, T0, T0, null);
    Instant now = T0;
    List<Instant> sends = new ArrayList<>();
    for (int guard = 0; guard < 100; guard++) {
      Decision d = NextStep.decide(p, LeadFacts.NONE, plan, now);
      switch (d) {
        case NextStep.Wait w -> now = w.until();
        case Send s -> {
          assertThat(seen.add(s.step())).as("step %d sent twice", s.step()).isTrue();
          Instant sentAt = now.plus(Duration.ofMinutes(lateMinutes.get(s.step() - 1)));
          sends.add(sentAt);
          Decision after = NextStep.afterDone(p, LeadFacts.NONE, plan, sentAt, sentAt);
          if (after instanceof NextStep.Complete) {
            return sends;
          }
          Instant due = after.at().orElseThrow();
          p = new Position(p.state(), p.step() + 1, p.segment(), T0, due, sentAt);
          now = sentAt;
        }
        default -> throw new AssertionError("unexpected " + d);
      }
    }
    throw new AssertionError("never completed");
  }

  @Property(tries = 300)
  void neverTheSameStepTwiceAndEveryStepOnce(
      @ForAll("waits") List<Duration> waits, @ForAll("lateness") List<Long> late) {
    Set<Integer> seen = new HashSet<>();
    List<Instant> sends = run(NextStepTest.plan(waits.toArray(Duration[]::new)), late, seen);
    assertThat(sends).hasSize(waits.size());
  }

  @Property(tries = 300)
  void onTimeTheWholeScheduleIsTheSumOfTheWaits(@ForAll("waits") List<Duration> waits) {
    List<Long> onTime = waits.stream().map(w -> 0L).toList();
    List<Instant> sends =
        run(NextStepTest.plan(waits.toArray(Duration[]::new)), onTime, new HashSet<>());
    Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(sends.getLast()).isEqualTo(T0.plus(total));
  }

  @Property(tries = 300)
  void aLateEmailDoesNotBunchTheNextOnes(
      @ForAll("waits") List<Duration> waits, @ForAll("lateness") List<Long> late) {
    List<Instant> sends =
        run(NextStepTest.plan(waits.toArray(Duration[]::new)), late, new HashSet<>());
    for (int i = 1; i < sends.size(); i++) {
      Duration gap = Duration.between(sends.get(i - 1), sends.get(i));
      assertThat(gap)
          .as("gap before step %d", i + 1)
          .isGreaterThanOrEqualTo(waits.get(i).dividedBy(2));
    }
  }

  @Property(tries = 300)
  void aLateEmailDoesNotShiftTheStepsAfterTheNext(
      @ForAll("waits") List<Duration> waits, @ForAll @IntRange(min = 0, max = 3) int lateStep) {
    // Late by less than half the next wait: every later step keeps its planned time.
    List<Long> late = new ArrayList<>(waits.stream().map(w -> 0L).toList());
    if (lateStep + 1 < waits.size()) {
      late.set(lateStep, waits.get(lateStep + 1).dividedBy(3).toMinutes());
    }
    List<Instant> sends =
        run(NextStepTest.plan(waits.toArray(Duration[]::new)), late, new HashSet<>());
    Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(sends.getLast()).isEqualTo(T0.plus(total).plus(Duration.ofMinutes(late.getLast())));
  }

  @Property(tries = 500)
  void aStoppedBookedOrCompletedEnrollmentNeverSends(
      @ForAll("ended") EnrollmentState state,
      @ForAll @IntRange(min = 1, max = 6) int step,
      @ForAll @IntRange(min = 0, max = 100_000) int minutesLater) {
    Position p = new Position(state, step, Segment.URGENT, T0, T0, null);
    Instant now = T0.plus(Duration.ofMinutes(minutesLater));
    assertThat(NextStep.decide(p, LeadFacts.NONE, NextStepTest.PLAN, now))
        .isNotInstanceOf(Send.class);
    assertThat(NextStep.sendNow(p, LeadFacts.NONE, NextStepTest.PLAN, now))
        .isNotInstanceOf(Send.class);
  }

  @Provide
  Arbitrary<EnrollmentState> ended() {
    return Arbitraries.of(
        EnrollmentState.STOPPED,
        EnrollmentState.BOOKED,
        EnrollmentState.COMPLETED,
        EnrollmentState.PAUSED,
        EnrollmentState.REPLIED);
  }

  @Provide
  Arbitrary<List<Duration>> waits() {
    return Arbitraries.longs()
        .between(0, 4 * 24 * 60)
        .map(Duration::ofMinutes)
        .list()
        .ofMinSize(1)
        .ofMaxSize(7)
        .map(
            l -> {
              List<Duration> w = new ArrayList<>(l);
              w.set(0, Duration.ZERO);
              return w;
            });
  }

  @Provide
  Arbitrary<List<Long>> lateness() {
    return Arbitraries.longs().between(0, 6 * 24 * 60).list().ofSize(7);
  }
}
