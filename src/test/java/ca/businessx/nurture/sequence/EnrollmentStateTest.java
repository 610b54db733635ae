package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnrollmentStateTest {
  @TempDir Path dir;

  @Test
  void completedAndStoppedAreFinalABookingMayBeResumed() {
    for (EnrollmentState next : EnrollmentState.values()) {
      assertThat(EnrollmentState.COMPLETED.canMoveTo(next)).isFalse();
      assertThat(EnrollmentState.STOPPED.canMoveTo(next)).isFalse();
    }
    assertThat(EnrollmentState.BOOKED.canMoveTo(EnrollmentState.ACTIVE)).isTrue();
    assertThat(EnrollmentState.REPLIED.canMoveTo(EnrollmentState.ACTIVE)).isTrue();
    assertThatThrownBy(
            () -> EnrollmentState.requireMove(EnrollmentState.COMPLETED, EnrollmentState.ACTIVE))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * The only mutator guards on the state it read: the second of two racing moves loses, visibly.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aMoveFromAStaleReadLosesAndChangesNothing(TestDatabases.Kind kind) {
    try (var t = new ca.businessx.nurture.support.TestApp(dir, kind, java.util.Map.of())) {
      String contact = t.signup("race@example.ca", "Race");
      t.assess("race@example.ca", 0, 0);
      EnrollmentRepository repo = new EnrollmentRepository();
      Instant now = t.clock.instant();
      t.jdbi()
          .useHandle(
              h -> {
                Enrollment read = repo.ofContact(h, contact).orElseThrow();
                assertThat(repo.moveTo(h, read, EnrollmentState.REPLIED, "replied", now)).isTrue();
                assertThat(repo.moveTo(h, read, EnrollmentState.STOPPED, "late", now)).isFalse();
                Enrollment after = repo.ofContact(h, contact).orElseThrow();
                assertThat(after.state()).isEqualTo(EnrollmentState.REPLIED);
                assertThat(after.nextDueAt()).as("a held sequence is not due").isNull();
                assertThat(repo.release(h, after.id(), "a batch that does not hold it", null))
                    .as("only the batch that holds an enrollment lets it go")
                    .isFalse();
              });
    }
  }
}
