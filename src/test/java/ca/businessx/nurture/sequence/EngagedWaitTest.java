package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.businessx.nurture.platform.NurtureException;
import ca.businessx.nurture.sequence.NextStep.LeadFacts;
import ca.businessx.nurture.sequence.NextStep.Position;
import ca.businessx.nurture.sequence.NextStep.Send;
import ca.businessx.nurture.sequence.NextStep.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "if engaged" wait: a lead who clicked the previous email gets the next one sooner. */
class EngagedWaitTest {
  static final Instant T0 = NextStepTest.T0;
  static final SequencePlan PLAN = halved(NextStepTest.PLAN);
  static final LeadFacts CLICKED_1 = LeadFacts.NONE.withClicked(Set.of(1));

  /** The plan with every wait after the first halved for an engaged lead. */
  static SequencePlan halved(SequencePlan plan) {
    List<SequencePlan.Step> steps = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      SequencePlan.Step s = plan.steps().get(i);
      steps.add(
          new SequencePlan.Step(s.templates(), s.pause(), i == 0 ? null : s.pause().dividedBy(2)));
    }
    return new SequencePlan(steps);
  }

  /** On step 2, email 1 sent on time at T0, step 2 scheduled a day later. */
  static Position onStep2() {
    return new Position(
        EnrollmentState.ACTIVE,
        2,
        ca.businessx.nurture.segment.Segment.URGENT,
        T0,
        T0.plus(Duration.ofDays(1)),
        T0);
  }

  @Test
  void aClickOnThePreviousEmailHalvesTheWait() {
    Instant now = T0.plus(Duration.ofHours(1));
    assertThat(NextStep.decide(onStep2(), CLICKED_1, PLAN, now))
        .isEqualTo(new Wait(2, T0.plus(Duration.ofHours(12))));
    assertThat(NextStep.decide(onStep2(), LeadFacts.NONE, PLAN, now))
        .isEqualTo(new Wait(2, T0.plus(Duration.ofDays(1))));
    Instant later = T0.plus(Duration.ofHours(13));
    assertThat(NextStep.decide(onStep2(), CLICKED_1, PLAN, later))
        .isEqualTo(new Send(2, "email_2b", T0.plus(Duration.ofHours(12))));
  }

  @Test
  void onlyAClickOnThePreviousEmailCountsAndOnlyWhereThePlanSaysSo() {
    Instant now = T0.plus(Duration.ofHours(1));
    Instant full = T0.plus(Duration.ofDays(1));
    assertThat(NextStep.decide(onStep2(), LeadFacts.NONE.withClicked(Set.of(2)), PLAN, now))
        .isEqualTo(new Wait(2, full));
    assertThat(NextStep.decide(onStep2(), CLICKED_1, NextStepTest.PLAN, now))
        .isEqualTo(new Wait(2, full));
  }

  @Test
  void askingAgainAfterTheStepWasBroughtForwardGivesTheSameTime() {
    Instant engaged = T0.plus(Duration.ofHours(12));
    Position forward =
        new Position(
            EnrollmentState.ACTIVE,
            2,
            ca.businessx.nurture.segment.Segment.URGENT,
            T0,
            engaged,
            T0);
    assertThat(NextStep.decide(forward, CLICKED_1, PLAN, T0)).isEqualTo(new Wait(2, engaged));
  }

  @Test
  void aClickKnownWhenTheEmailIsRecordedPlansTheNextStepEarly() {
    Position onStep1 =
        new Position(
            EnrollmentState.ACTIVE, 1, ca.businessx.nurture.segment.Segment.URGENT, T0, T0, null);
    assertThat(NextStep.afterDone(onStep1, CLICKED_1, PLAN, T0, T0))
        .isEqualTo(new Wait(2, T0.plus(Duration.ofHours(12))));
    assertThat(NextStep.afterDone(onStep1, LeadFacts.NONE, PLAN, T0, T0))
        .isEqualTo(new Wait(2, T0.plus(Duration.ofDays(1))));
  }

  @Test
  void theDueTimeSaysWhy() {
    assertThat(NextStep.due(onStep2(), CLICKED_1, PLAN, T0))
        .contains(
            new NextStep.Due(
                T0.plus(Duration.ofHours(12)), "half the wait, because the lead clicked email 1"));
    assertThat(NextStep.due(onStep2(), LeadFacts.NONE, PLAN, T0))
        .contains(new NextStep.Due(T0.plus(Duration.ofDays(1)), "the wait of 1 day after email 1"));
    Position stopped =
        new Position(
            EnrollmentState.STOPPED, 2, ca.businessx.nurture.segment.Segment.URGENT, T0, T0, T0);
    assertThat(NextStep.due(stopped, CLICKED_1, PLAN, T0)).isEmpty();
  }

  @Test
  void theFileGivesTheShareOfTheWaitAndVersionsKeepIt() {
    String file =
        """
        { "steps": [
          { "templates": { "*": "email_1" }, "wait": { "production": "PT0S", "testing": "PT0S" } },
          { "templates": { "*": "email_2" },
            "wait": { "production": "PT48H", "testing": "PT2M", "if_engaged": 0.5 } },
          { "templates": { "*": "email_3" }, "wait": { "production": "PT48H", "testing": "PT2M" } }
        ] }
        """;
    SequencePlan production = SequenceFile.parse(file, false, Optional.empty());
    assertThat(production.engagedWaitBefore(2)).contains(Duration.ofHours(24));
    assertThat(production.engagedWaitBefore(3)).isEmpty();
    assertThat(SequenceFile.parse(file, true, Optional.empty()).engagedWaitBefore(2))
        .contains(Duration.ofMinutes(1));
    assertThat(
            SequenceFile.parse(
                    file, false, Optional.of(List.of(Duration.ofHours(10), Duration.ofHours(1))))
                .engagedWaitBefore(2))
        .contains(Duration.ofHours(5));

    assertThat(SequenceDefinition.fromJson(SequenceDefinition.toJson(production)))
        .isEqualTo(production);
    assertThat(SequenceDefinition.toJson(production)).contains("\"if_engaged\":\"PT24H\"");
    SequencePlan without =
        SequenceFile.parse(file.replace(", \"if_engaged\": 0.5", ""), false, Optional.empty());
    assertThat(SequenceDefinition.toJson(without)).doesNotContain("if_engaged");
    assertThat(SequenceDefinition.hash(without)).isNotEqualTo(SequenceDefinition.hash(production));
    assertThat(SequenceDiff.between(without, production))
        .containsExactly("step 2 wait if engaged none -> PT24H");
  }

  @Test
  void aStoredVersionFromBeforeReadsAsNoAlternative() {
    String old =
        "{\"steps\":[{\"templates\":{\"CRITICAL\":\"a\",\"URGENT\":\"a\",\"OPTIMIZE\":\"a\"},"
            + "\"wait\":\"PT0S\"},{\"templates\":{\"CRITICAL\":\"b\",\"URGENT\":\"b\","
            + "\"OPTIMIZE\":\"b\"},\"wait\":\"PT24H\"}]}";
    SequencePlan plan = SequenceDefinition.fromJson(old);
    assertThat(plan.engagedWaitBefore(2)).isEmpty();
    assertThat(SequenceDefinition.toJson(plan)).isEqualTo(old);
  }

  @Test
  void aShareOutsideHalfToAllOrOnTheFirstStepIsRefused() {
    String template =
        """
        { "steps": [
          { "templates": { "*": "email_1" }, "wait": { "production": "PT0S", "testing": "PT0S" FIRST } },
          { "templates": { "*": "email_2" },
            "wait": { "production": "PT48H", "testing": "PT2M", "if_engaged": SHARE } }
        ] }
        """;
    for (String bad : List.of("0.25", "1.5", "\"half\"")) {
      assertThatThrownBy(
              () ->
                  SequenceFile.parse(
                      template.replace("FIRST", "").replace("SHARE", bad), false, Optional.empty()))
          .isInstanceOf(NurtureException.class)
          .hasMessageContaining("step 2: if_engaged");
    }
    assertThatThrownBy(
            () ->
                SequenceFile.parse(
                    template.replace("FIRST", ", \"if_engaged\": 0.5").replace("SHARE", "0.5"),
                    false,
                    Optional.empty()))
        .hasMessageContaining("step 1");
  }
}
