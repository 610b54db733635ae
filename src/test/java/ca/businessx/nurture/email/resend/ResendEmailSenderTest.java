package ca.businessx.nurture.email.resend;

import static ca.businessx.nurture.email.resend.ResendFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResendEmailSenderTest {
  private final FakeResend fake = FakeResend.start();
  private final ResendEmailSender sender = ResendFixtures.sender(fake);

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void sendsOneEmailWithTheDocumentedShape() {
    SendResult result = sender.send(email("enr-1/step-1", "ana@example.ca"));

    assertThat(result.providerMessageId()).isNotBlank();
    assertThat(fake.delivered())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.id()).isEqualTo(result.providerMessageId());
              assertThat(sent.requestKey()).isEqualTo("enr-1/step-1");
              assertThat(sent.emailKey()).isEqualTo("enr-1/step-1");
              assertThat(sent.to()).containsExactly("ana@example.ca");
              assertThat(sent.from()).isEqualTo(ResendFixtures.FROM);
              assertThat(sent.replyTo()).isEqualTo("support@nurture.test");
              assertThat(sent.subject()).isEqualTo("Your assessment");
              assertThat(sent.html()).contains("<a href=\"https://x.test/r\">");
              // No text of its own: the HTML's plain-text conversion, as SMTP sends.
              assertThat(sent.text()).contains("https://x.test/r").doesNotContain("<a");
              assertThat(sent.headers())
                  .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
              assertThat(sent.tags()).isEqualTo(Map.of("template", "critical-1"));
              assertThat(sent.viaBatch()).isFalse();
            });
  }

  @Test
  void retryWithTheSameKeyAnswersTheSameIdAndDeliversOnce() {
    SendResult first = sender.send(email("enr-2/step-1"));
    SendResult again = sender.send(email("enr-2/step-1"));

    assertThat(again).isEqualTo(first);
    assertThat(fake.delivered()).hasSize(1);
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void timedOutSendThatWentThroughIsNotDeliveredTwiceOnRetry() {
    ResendEmailSender impatient = ResendFixtures.sender(fake, 50, Duration.ofMillis(300));
    fake.slowFaultDelay(Duration.ofMillis(900)).inject(FakeResend.Fault.SLOW, 1);

    SendException timeout =
        catchThrowableOfType(SendException.class, () -> impatient.send(email("enr-3/step-1")));
    SendException stillRunning =
        catchThrowableOfType(SendException.class, () -> impatient.send(email("enr-3/step-1")));
    sleep(Duration.ofMillis(1200));
    SendResult retried = impatient.send(email("enr-3/step-1"));

    assertThat(timeout.isTransient()).isTrue();
    assertThat(stillRunning.isTransient()).isTrue();
    assertThat(stillRunning.getMessage()).contains("409 concurrent_idempotent_requests");
    assertThat(fake.delivered())
        .singleElement()
        .extracting(DeliveredEmail::id)
        .isEqualTo(retried.providerMessageId());
  }

  @Test
  void sameKeyWithOtherContentIsReportedAsABugAndNotRetried() {
    sender.send(email("enr-4/step-1"));
    OutboundEmail changed =
        new OutboundEmail(
            "enr-4/step-1",
            "ana@example.ca",
            "Other subject",
            "<p>x</p>",
            null,
            "critical-1",
            Map.of());

    SendException e = catchThrowableOfType(SendException.class, () -> sender.send(changed));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).startsWith("BUG:").contains("invalid_idempotent_request");
    assertThat(fake.delivered()).hasSize(1);
  }

  @Test
  void aKeyOlderThan24HoursSendsAgain() {
    sender.send(email("enr-5/step-1"));
    fake.clock().advance(Duration.ofHours(24).plusMinutes(1));

    sender.send(email("enr-5/step-1"));

    assertThat(fake.delivered()).hasSize(2);
  }

  @Test
  void overLongKeysAreReplacedByAStableDigest() {
    String longKey = "k".repeat(300);

    sender.send(email(longKey));
    sender.send(email(longKey));

    assertThat(fake.delivered())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.requestKey()).startsWith("key-").hasSizeLessThanOrEqualTo(256);
              assertThat(sent.emailKey()).isEqualTo(longKey);
            });
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
