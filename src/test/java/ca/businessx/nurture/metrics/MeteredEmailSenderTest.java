package ca.businessx.nurture.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.metrics.NurtureEvents.CallOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metered wrapper keeps a batch one provider call (it once sent the members one by one). */
class MeteredEmailSenderTest {
  @Test
  void aBatchStaysOneCallOfTheDelegate() {
    List<Integer> batchCalls = new ArrayList<>();
    EmailSender batching = new EmailSender() {
      @Override
      public String name() {
        return "batching";
      }

      @Override
      public SendResult send(OutboundEmail email) {
        throw new AssertionError("members must not be sent one by one");
      }

      @Override
      public List<BatchOutcome> sendBatch(List<OutboundEmail> emails) {
        batchCalls.add(emails.size());
        return emails.stream().map(e -> BatchOutcome.sent(e, new SendResult("id-" + e.idempotencyKey()))).toList();
      }
    };
    List<CallOutcome> calls = new ArrayList<>();
    NurtureEvents events = new NurtureEvents() {
      @Override
      public void providerCall(String provider, String kind, Duration took, CallOutcome outcome) {
        calls.add(outcome);
      }
    };
    List<OutboundEmail> emails = List.of(email("k1"), email("k2"), email("k3"));

    List<BatchOutcome> outcomes = new MeteredEmailSender(batching, events).sendBatch(emails);

    assertThat(outcomes).allMatch(BatchOutcome::isSent).hasSize(3);
    assertThat(batchCalls).containsExactly(3);
    assertThat(calls).containsExactly(CallOutcome.OK);
  }

  private static OutboundEmail email(String key) {
    return new OutboundEmail(key, key + "@example.ca", "Hello", "<p>Hi</p>", null, "email_1", Map.of());
  }
}
