package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void idsAreVersionSevenAndSortByTheMillisecondTheyWereMadeIn() throws InterruptedException {
    String earlier = Ids.newId();
    Thread.sleep(2);
    String later = Ids.newId();

    assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
    assertThat(later).isGreaterThan(earlier);
    assertThat(timestampOf(later)).isGreaterThan(timestampOf(earlier));
  }

  @Test
  void idsMadeInTheSameMillisecondCannotBeGuessedFromOneAnother() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(Ids.newId());
    }

    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    int counted = 0;
    for (int i = 1; i < ids.size(); i++) {
      UUID a = UUID.fromString(ids.get(i - 1));
      UUID b = UUID.fromString(ids.get(i));
      if (timestampOf(a.toString()) == timestampOf(b.toString())) {
        counted++;
        // A counter would make the next id the last one plus one.
        assertThat(Math.abs(b.getLeastSignificantBits() - a.getLeastSignificantBits()))
            .isGreaterThan(1_000_000L);
      }
    }
    assertThat(counted).as("pairs made in the same millisecond").isPositive();
  }

  private static long timestampOf(String id) {
    return UUID.fromString(id).getMostSignificantBits() >>> 16;
  }
}
