package ca.businessx.nurture.email.resend;

import static ca.businessx.nurture.email.resend.ResendFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every failure class of providers.md §2.4 lands on the right side: transient or permanent. */
class ResendErrorClassificationTest {
  private final FakeResend fake = FakeResend.start();
  private final ResendEmailSender sender = ResendFixtures.sender(fake, 50, Duration.ofMillis(500));

  @AfterEach
  void stop() {
    fake.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = FakeResend.Fault.class,
      names = {"HTTP_500", "HTTP_503", "RATE_LIMIT_429", "SLOW", "DROP_CONNECTION"})
  void providerAndNetworkTroubleIsTransientAndTheRetryDeliversOnce(FakeResend.Fault fault) {
    fake.slowFaultDelay(Duration.ofMillis(800)).inject(fault, 1);

    SendException e = failure(email("enr-1/step-1"));
    waitFor(Duration.ofMillis(fault == FakeResend.Fault.SLOW ? 1000 : 0));
    sender.send(email("enr-1/step-1"));

    assertThat(e.isTransient()).as(e.getMessage()).isTrue();
    assertThat(fake.delivered()).hasSize(1);
  }

  @Test
  void rateLimit429CarriesTheProvidersRetryAfter() {
    fake.inject(FakeResend.Fault.RATE_LIMIT_429, 1);

    SendException e = failure(email("enr-2/step-1"));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(e.getMessage()).contains("429 rate_limit_exceeded");
  }

  @Test
  void quotaExhaustionIsPermanent() {
    fake.inject(FakeResend.Fault.DAILY_QUOTA_429, 1);

    SendException e = failure(email("enr-3/step-1"));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("daily_quota_exceeded");
  }

  @Test
  void concurrentRequestWithTheSameKeyIsTransient() throws Exception {
    fake.latency(Duration.ofMillis(400));
    Thread first = Thread.ofVirtual().start(() -> sender.send(email("enr-4/step-1")));
    Thread.sleep(100);

    SendException e = failure(email("enr-4/step-1"));
    first.join();

    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).contains("concurrent_idempotent_requests");
    assertThat(fake.delivered()).hasSize(1);
  }

  @Test
  void invalidRecipientIsPermanentAndTheAddressStaysOutOfTheMessage() {
    SendException e = failure(email("enr-5/step-1", "ana@@example.ca"));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage())
        .contains("422 validation_error")
        .doesNotContain("ana@")
        .contains("<address>");
  }

  @Test
  void unverifiedSenderDomainIsPermanent() {
    ResendSettings settings =
        new ResendSettings(
            FakeResend.API_KEY,
            fake.baseUri(),
            "hi@unverified.example",
            null,
            50,
            Duration.ofSeconds(2));
    ResendEmailSender unverified = new ResendEmailSender(settings, Clock.systemUTC());

    SendException e =
        catchThrowableOfType(SendException.class, () -> unverified.send(email("enr-6/step-1")));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("403 validation_error");
  }

  @Test
  void wrongApiKeyIsPermanentAndTheKeyIsNotInTheMessage() {
    ResendEmailSender wrongKey =
        ResendFixtures.sender(fake, "re_wrong_secret", 50, Duration.ofSeconds(2));

    SendException e =
        catchThrowableOfType(SendException.class, () -> wrongKey.send(email("enr-7/step-1")));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("403 invalid_api_key").doesNotContain("re_wrong_secret");
  }

  @Test
  void unreachableProviderIsTransient() {
    ResendSettings settings =
        new ResendSettings(
            FakeResend.API_KEY,
            URI.create("http://127.0.0.1:1"),
            ResendFixtures.FROM,
            null,
            50,
            Duration.ofSeconds(2));

    SendException e =
        catchThrowableOfType(
            SendException.class,
            () -> new ResendEmailSender(settings, Clock.systemUTC()).send(email("enr-8/step-1")));

    assertThat(e.isTransient()).isTrue();
  }

  private SendException failure(OutboundEmail email) {
    return catchThrowableOfType(SendException.class, () -> sender.send(email));
  }

  private static void waitFor(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
