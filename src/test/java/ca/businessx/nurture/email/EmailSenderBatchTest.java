package ca.businessx.nurture.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailSenderBatchTest {

  /** Refuses addresses on the {@code bad.example} domain, accepts the rest. */
  private final List<String> attempted = new ArrayList<>();

  private final EmailSender sender =
      new EmailSender() {
        @Override
        public String name() {
          return "picky";
        }

        @Override
        public SendResult send(OutboundEmail email) {
          attempted.add(email.idempotencyKey());
          if (email.to().endsWith("@bad.example")) {
            throw SendException.permanent("refused");
          }
          return new SendResult("id-" + email.idempotencyKey());
        }
      };

  @Test
  void defaultBatchSendsEachEmailAndKeepsInputOrder() {
    List<OutboundEmail> emails =
        List.of(
            email("k3", "a@ok.example"), email("k1", "b@bad.example"), email("k2", "c@ok.example"));

    List<BatchOutcome> outcomes = sender.sendBatch(emails);

    assertThat(attempted).containsExactly("k3", "k1", "k2");
    assertThat(outcomes).extracting(BatchOutcome::idempotencyKey).containsExactly("k3", "k1", "k2");
    assertThat(outcomes).extracting(BatchOutcome::isSent).containsExactly(true, false, true);
    assertThat(outcomes.get(0).result().providerMessageId()).isEqualTo("id-k3");
    assertThat(outcomes.get(1).failure().isTransient()).isFalse();
  }

  @Test
  void emptyBatchSendsNothing() {
    assertThat(sender.sendBatch(List.of())).isEmpty();
    assertThat(attempted).isEmpty();
  }

  private static OutboundEmail email(String key, String to) {
    return new OutboundEmail(key, to, "Hi", "<p>Hi</p>", null, "welcome", null);
  }
}
