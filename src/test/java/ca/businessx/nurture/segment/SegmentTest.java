package ca.businessx.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentTest {

  @ParameterizedTest(name = "red {0}, orange {1} -> {2}")
  @CsvSource({
    "0, 0, OPTIMIZE",
    "0, 1, OPTIMIZE",
    "0, 2, URGENT",
    "0, 9, URGENT",
    "1, 0, URGENT",
    "1, 1, URGENT",
    "1, 5, URGENT",
    "2, 0, CRITICAL",
    "2, 7, CRITICAL",
    "3, 0, CRITICAL",
    "1000, 1000, CRITICAL"
  })
  void classifiesAtEveryBoundary(int red, int orange, Segment expected) {
    assertThat(Segment.classify(red, orange)).isEqualTo(expected);
  }
}
