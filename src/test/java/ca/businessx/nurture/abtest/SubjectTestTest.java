package ca.businessx.nurture.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Variant assignment and the rule that names a winner. */
class SubjectTestTest {
  private static final SubjectTest.Rule RULE = SubjectTest.Rule.DEFAULT;

  @Test
  void aLeadKeepsItsVariantAndTenThousandLeadsSplitAboutEvenly() {
    int b = 0;
    for (int i = 0; i < 10_000; i++) {
      String id = UUID.nameUUIDFromBytes(("lead-" + i).getBytes()).toString();
      assertThat(Variant.of(id)).isEqualTo(Variant.of(id));
      if (Variant.of(id) == Variant.B) {
        b++;
      }
    }
    // Three standard deviations of a fair split of 10,000 is 150.
    assertThat(b).isBetween(4_850, 5_150);
  }

  @Test
  void aPromotionOverridesTheLeadsOwnVariantAndOneSubjectMeansNone() {
    String id = "0b7f3c9e-5d1a-4f6b-9c2e-8a4d6e1f2b3c";
    assertThat(Variant.pick(false, Optional.of(Variant.B), id)).isEmpty();
    assertThat(Variant.pick(true, Optional.empty(), id)).contains(Variant.of(id));
    assertThat(Variant.pick(true, Optional.of(Variant.A), id)).contains(Variant.A);
    assertThat(Variant.pick(true, Optional.of(Variant.B), id)).contains(Variant.B);
  }

  @Test
  void aClearDifferenceWithEnoughSentNamesTheWinner() {
    SubjectTest.Result r = SubjectTest.compare(counts(1000, 50), counts(1000, 80), RULE);
    // Pooled p = 0.065, standard error 0.01103, difference 0.03.
    assertThat(r.z()).isCloseTo(2.72, within(0.01));
    assertThat(r.p()).isCloseTo(0.0065, within(0.0005));
    assertThat(r.winner()).contains(Variant.B);
    assertThat(SubjectTest.compare(counts(1000, 80), counts(1000, 50), RULE).winner())
        .contains(Variant.A);
  }

  @Test
  void noWinnerBelowTheMinimumSampleOrWithoutSignificance() {
    SubjectTest.Result small = SubjectTest.compare(counts(99, 0), counts(500, 200), RULE);
    assertThat(small.winner()).isEmpty();
    assertThat(small.verdict()).contains("needs 100 sent");

    SubjectTest.Result close = SubjectTest.compare(counts(1000, 50), counts(1000, 60), RULE);
    assertThat(close.p()).isGreaterThan(0.05);
    assertThat(close.winner()).isEmpty();

    assertThat(SubjectTest.compare(counts(200, 0), counts(200, 0), RULE).winner()).isEmpty();
  }

  private static SubjectTest.Counts counts(long sent, long clicked) {
    return new SubjectTest.Counts(sent, sent / 2, clicked, 0);
  }
}
