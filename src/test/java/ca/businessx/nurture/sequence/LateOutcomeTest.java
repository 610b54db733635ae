package ca.businessx.nurture.sequence;

import static ca.businessx.nurture.support.StoredEmailAssert.assertThatEmail;
import static ca.businessx.nurture.support.StoredEnrollmentAssert.assertThatEnrollmentOf;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sender outlives its lease, a second sender takes the group over and sends it again (the
 * provider's idempotency keeps that to one delivery), the first answer says sent and the second,
 * arriving later, says "still in progress" (Resend's 409 concurrent_idempotent_requests). The late
 * failure must not turn the sent emails back into pending ones or pause their sequences.
 */
class LateOutcomeTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  @TempDir Path dir;

  @Test
  void aLateFailureOfATakenOverGroupLeavesItsSentEmailsSent() throws Exception {
    HeldSender sender = new HeldSender();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (threads;
        TestApp t =
            new TestApp(
                dir,
                TestDatabases.Kind.SQLITE,
                Map.of("EMAIL_SEND_LEASE", "PT60S"),
                b -> b.emailSender(sender))) {
      String a = t.signup("a@example.ca", "A");
      t.assess("a@example.ca", 0, 0);
      String b = t.signup("b@example.ca", "B");
      t.assess("b@example.ca", 0, 0);

      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> t.sendDue(), threads);
      assertThat(sender.firstCalled.await(10, TimeUnit.SECONDS)).isTrue();
      t.clock.tick(LEASE.plusSeconds(1));
      CompletableFuture<Void> second = CompletableFuture.runAsync(() -> t.sendDue(), threads);
      boolean taken = sender.secondCalled.await(10, TimeUnit.SECONDS);
      assertThat(taken).as("the group taken over").isTrue();
      sender.releaseFirst.countDown();
      first.get(10, TimeUnit.SECONDS);
      sender.releaseSecond.countDown();
      second.get(10, TimeUnit.SECONDS);

      for (String contact : List.of(a, b)) {
        String enrollment = assertThatEnrollmentOf(t.jdbi(), contact).isActive().isOnStep(2).id();
        assertThatEmail(t.jdbi(), enrollment, 1).isSent();
      }
    }
  }

  /**
   * Holds its first two batches until told; the first answers sent, the second a 409 in progress.
   */
  private static final class HeldSender implements EmailSender {
    final CountDownLatch firstCalled = new CountDownLatch(1);
    final CountDownLatch secondCalled = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final CountDownLatch releaseSecond = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
      return "held";
    }

    @Override
    public SendResult send(OutboundEmail email) {
      return new SendResult("id-" + email.idempotencyKey());
    }

    @Override
    public List<BatchOutcome> sendBatch(List<OutboundEmail> emails) {
      int call = calls.incrementAndGet();
      if (call == 1) {
        firstCalled.countDown();
        await(releaseFirst);
      } else if (call == 2) {
        secondCalled.countDown();
        await(releaseSecond);
        SendException inProgress =
            SendException.transientFailure(
                "resend 409 concurrent_idempotent_requests: original request still in progress",
                null,
                null);
        return emails.stream().map(e -> BatchOutcome.failed(e, inProgress)).toList();
      }
      return emails.stream().map(e -> BatchOutcome.sent(e, send(e))).toList();
    }

    private static void await(CountDownLatch latch) {
      try {
        latch.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
