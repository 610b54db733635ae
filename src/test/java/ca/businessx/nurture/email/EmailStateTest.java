package ca.businessx.nurture.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailStateTest {
  @Test
  void aPendingEmailIsSentParkedOrCancelledAndAParkedOneReopenedSkippedOrCancelled() {
    assertThat(EmailState.PENDING.canMoveTo(EmailState.SENT)).isTrue();
    assertThat(EmailState.PENDING.canMoveTo(EmailState.PARKED)).isTrue();
    assertThat(EmailState.PENDING.canMoveTo(EmailState.CANCELLED)).isTrue();
    assertThat(EmailState.PENDING.canMoveTo(EmailState.SKIPPED)).isFalse();
    assertThat(EmailState.PARKED.canMoveTo(EmailState.PENDING)).isTrue();
    assertThat(EmailState.PARKED.canMoveTo(EmailState.SKIPPED)).isTrue();
    assertThat(EmailState.PARKED.canMoveTo(EmailState.SENT)).isFalse();
  }

  @Test
  void finalStatesGoNowhereAndACancelledEmailOnlyBackToPendingWhenAPersonResumes() {
    for (EmailState done : new EmailState[] {EmailState.SENT, EmailState.SKIPPED}) {
      for (EmailState next : EmailState.values()) {
        assertThat(done.canMoveTo(next)).as("%s -> %s", done, next).isFalse();
      }
    }
    for (EmailState next : EmailState.values()) {
      assertThat(EmailState.CANCELLED.canMoveTo(next))
          .as("CANCELLED -> %s", next)
          .isEqualTo(next == EmailState.PENDING);
    }
    assertThatThrownBy(() -> EmailState.requireMove(EmailState.SENT, EmailState.PENDING))
        .isInstanceOf(IllegalStateException.class);
  }
}
