package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.EmailSender;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A provider may derive a batch's idempotency from its members (Resend does), so a batch that
 * failed for a passing reason must be retried with exactly the same members, even when other emails
 * fell due in between.
 */
class BatchRetryTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aFailedBatchIsRetriedWithExactlyItsMembers(TestDatabases.Kind kind) {
    FirstCallFails sender = new FirstCallFails();
    try (TestApp t =
        new TestApp(dir, kind, Map.of("RESEND_RETRY_DELAY", "PT60S"), b -> b.emailSender(sender))) {
      t.signup("a@example.ca", "A");
      t.assess("a@example.ca", 0, 0);
      t.signup("b@example.ca", "B");
      t.assess("b@example.ca", 0, 0);
      t.sendDue();
      t.clock.tick(Duration.ofSeconds(30));
      t.signup("c@example.ca", "C");
      t.assess("c@example.ca", 0, 0);
      t.sendDue();
      t.clock.tick(Duration.ofSeconds(31));
      t.sendDue();

      assertThat(sender.batches)
          .as("recipients of each provider call")
          .containsExactly(
              Set.of("a@example.ca", "b@example.ca"),
              Set.of("c@example.ca"),
              Set.of("a@example.ca", "b@example.ca"));
      assertThat(sender.keys.get(2)).isEqualTo(sender.keys.get(0));
    }
  }

  private static final class FirstCallFails implements EmailSender {
    final List<Set<String>> batches = new CopyOnWriteArrayList<>();
    final List<Set<String>> keys = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "first-fails";
    }

    @Override
    public SendResult send(OutboundEmail email) {
      return new SendResult("id-" + email.idempotencyKey());
    }

    @Override
    public List<BatchOutcome> sendBatch(List<OutboundEmail> emails) {
      batches.add(new TreeSet<>(emails.stream().map(OutboundEmail::to).toList()));
      keys.add(new TreeSet<>(emails.stream().map(OutboundEmail::idempotencyKey).toList()));
      if (batches.size() == 1) {
        SendException down = SendException.transientFailure("provider 503", null, null);
        return emails.stream().map(e -> BatchOutcome.failed(e, down)).toList();
      }
      return emails.stream().map(e -> BatchOutcome.sent(e, send(e))).toList();
    }
  }
}
