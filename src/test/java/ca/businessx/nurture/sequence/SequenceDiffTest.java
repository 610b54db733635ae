package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Versions as data: stable hashes, readable diffs, and where a migrated lead lands. */
class SequenceDiffTest {
  private static final String FILE =
      """
      { "steps": [
        { "templates": { "*": "email_1" }, "wait": { "production": "PT0S", "testing": "PT0S" } },
        { "templates": { "CRITICAL": "email_2a", "URGENT": "email_2b", "OPTIMIZE": "email_2c" },
          "wait": { "production": "PT24H", "testing": "PT1M" } },
        { "templates": { "*": "email_3" }, "wait": { "production": "PT48H", "testing": "PT2M" } }
      ] }
      """;

  private final SequencePlan plan = SequenceFile.parse(FILE, false, Optional.empty());

  @Test
  void equalPlansHaveOneHashAndReadBackEqual() {
    SequencePlan again = SequenceFile.parse(FILE.replace("\n", " "), false, Optional.empty());
    assertThat(SequenceDefinition.hash(again)).isEqualTo(SequenceDefinition.hash(plan));
    assertThat(SequenceDefinition.fromJson(SequenceDefinition.toJson(plan))).isEqualTo(plan);
    SequencePlan testing = SequenceFile.parse(FILE, true, Optional.empty());
    assertThat(SequenceDefinition.hash(testing)).isNotEqualTo(SequenceDefinition.hash(plan));
  }

  @Test
  void namesEachChangedWaitTemplateAndStep() {
    List<SequencePlan.Step> steps = new ArrayList<>(plan.steps());
    Map<Segment, String> second = new EnumMap<>(steps.get(1).templates());
    second.put(Segment.URGENT, "email_2b_short");
    steps.set(1, new SequencePlan.Step(second, Duration.ofHours(12)));
    steps.add(new SequencePlan.Step(everySegment("email_4"), Duration.ofHours(72)));
    SequencePlan edited = new SequencePlan(steps);

    assertThat(SequenceDiff.between(plan, edited))
        .containsExactly(
            "step 2 wait PT24H -> PT12H",
            "step 2 URGENT template email_2b -> email_2b_short",
            "step 4 added (wait PT72H, CRITICAL email_4, URGENT email_4, OPTIMIZE email_4)");
    assertThat(SequenceDiff.between(edited, plan))
        .contains(
            "step 4 removed (wait PT72H," + " CRITICAL email_4, URGENT email_4, OPTIMIZE email_4)");
    assertThat(SequenceDiff.between(plan, plan)).isEmpty();
  }

  @Test
  void aMigratedLeadKeepsItsStepOnTheNewScheduleOrCompletesPastTheEnd() {
    SequencePlan faster =
        SequenceFile.parse(
            FILE, false, Optional.of(List.of(Duration.ofHours(1), Duration.ofHours(2))));
    Instant start = Instant.parse("2026-03-02T14:00:00Z");
    Enrollment onStep3 =
        new Enrollment(
            "e1",
            "c1",
            EnrollmentState.ACTIVE,
            3,
            start,
            start.plusSeconds(9),
            null,
            null,
            start.plusSeconds(9),
            null,
            1);

    SequenceMigration.Move move = SequenceMigration.of(onStep3, faster);
    assertThat(move.toStep()).contains(3);
    assertThat(move.toDue()).contains(start.plus(Duration.ofHours(3)));

    SequencePlan oneStep = new SequencePlan(List.of(plan.steps().get(0)));
    assertThat(SequenceMigration.of(onStep3, oneStep).completes()).isTrue();
  }

  private static Map<Segment, String> everySegment(String key) {
    Map<Segment, String> m = new EnumMap<>(Segment.class);
    for (Segment s : Segment.values()) {
      m.put(s, key);
    }
    return m;
  }
}
