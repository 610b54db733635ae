package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.businessx.nurture.platform.NurtureException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-step send-window flag in the file and in the stored, hashed definition. */
class SendWindowDefinitionTest {
  static final String STEP =
      "\"templates\": { \"*\": \"e\" }, \"wait\": {\"production\": \"PT1H\"}";

  static SequencePlan file(String first, String second) {
    return SequenceFile.parse(
        "{\"steps\": [{" + STEP + first + "}, {" + STEP + second + "}]}", false, Optional.empty());
  }

  @Test
  void aStepThatDoesNotSayWaitsForTheWindowExceptEmailOne() {
    SequencePlan plan = file("", "");
    assertThat(plan.respectsWindow(1)).isFalse();
    assertThat(plan.respectsWindow(2)).isTrue();
    SequencePlan flipped = file(", \"send_window\": true", ", \"send_window\": false");
    assertThat(flipped.respectsWindow(1)).isTrue();
    assertThat(flipped.respectsWindow(2)).isFalse();
  }

  @Test
  void theDefaultIsNotWrittenSoVersionsStoredBeforeWindowsKeepTheirHash() {
    SequencePlan plan = file(", \"send_window\": false", "");
    String json = SequenceDefinition.toJson(plan);
    assertThat(json).doesNotContain("send_window");
    // A definition stored before the flag existed reads back with the defaults.
    assertThat(SequenceDefinition.fromJson(json)).isEqualTo(plan);
    assertThat(SequenceDefinition.hash(plan)).isEqualTo(SequenceDefinition.hash(file("", "")));

    SequencePlan flipped = file("", ", \"send_window\": false");
    assertThat(SequenceDefinition.toJson(flipped)).contains("\"send_window\":false");
    assertThat(SequenceDefinition.fromJson(SequenceDefinition.toJson(flipped))).isEqualTo(flipped);
    assertThat(SequenceDefinition.hash(flipped)).isNotEqualTo(SequenceDefinition.hash(plan));
  }

  @Test
  void aFlagThatIsNotABooleanIsNamed() {
    assertThatThrownBy(() -> file("", ", \"send_window\": \"no\""))
        .isInstanceOf(NurtureException.class)
        .hasMessage("sequence.json step 2: send_window must be true or false");
  }

  @Test
  void aChangedFlagIsOneLineOfTheDiff() {
    assertThat(SequenceDiff.between(file("", ""), file("", ", \"send_window\": false")))
        .containsExactly("step 2 send_window true -> false");
  }
}
