package ca.businessx.nurture.email.resend;

import static ca.businessx.nurture.email.resend.ResendFixtures.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.SendException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client-side pace: real time, because the fake counts real arrivals per second. */
class ResendRateLimitTest {
  private final FakeResend fake = FakeResend.start();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aBurstOfOneThousandEmailsThroughBatchesEarnsNo429() {
    fake.rateLimit(2);
    ResendEmailSender sender = ResendFixtures.sender(fake, 2, Duration.ofSeconds(10));

    List<BatchOutcome> outcomes = sender.sendBatch(ResendFixtures.emails("burst", 1000));

    assertThat(outcomes).allMatch(BatchOutcome::isSent);
    assertThat(fake.tooManyRequestsCount()).isZero();
    assertThat(fake.requests()).hasSize(10);
    assertThat(fake.delivered()).hasSize(1000);
    assertThat(fake.delivered().stream().map(DeliveredEmail::emailKey).collect(Collectors.toSet()))
        .hasSize(1000);
  }

  @Test
  void slowsDownToTheAnnouncedLimit() {
    fake.rateLimit(2);
    ResendEmailSender sender = ResendFixtures.sender(fake, 20, Duration.ofSeconds(5));

    IntStream.range(0, 6).forEach(i -> sender.send(email("slow/" + i)));

    assertThat(sender.requestsPerSecond()).isEqualTo(2.0);
    assertThat(fake.tooManyRequestsCount()).isZero();
  }

  @Test
  void speedsUpToTheAnnouncedLimit() {
    fake.rateLimit(20);
    ResendEmailSender sender = ResendFixtures.sender(fake, 1, Duration.ofSeconds(5));
    long start = System.nanoTime();

    IntStream.range(0, 8).forEach(i -> sender.send(email("fast/" + i)));

    assertThat(sender.requestsPerSecond()).isEqualTo(20.0);
    // At the configured 1/s these eight sends would take over seven seconds.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(fake.tooManyRequestsCount()).isZero();
  }

  @Test
  void aLateArrivalDoesNotLetTheNextRequestsCrowdIntoItsSecond() {
    fake.rateLimit(2);
    // The first request reaches the provider 300 ms after it left (a cold connection, a slow hop),
    // so evenly spaced starts would put three arrivals inside one second.
    fake.transitDelay(Duration.ofMillis(300), 1);
    ResendEmailSender sender = ResendFixtures.sender(fake, 2, Duration.ofSeconds(5));

    IntStream.range(0, 4).forEach(i -> sender.send(email("late/" + i)));

    assertThat(fake.tooManyRequestsCount()).isZero();
    assertThat(fake.delivered()).hasSize(4);
  }

  @Test
  void sendsFromSeveralThreadsShareOnePace() throws Exception {
    fake.rateLimit(2);
    ResendEmailSender sender = ResendFixtures.sender(fake, 2, Duration.ofSeconds(10));

    try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
      List<Future<?>> sends =
          IntStream.range(0, 6)
              .mapToObj(i -> threads.submit(() -> sender.send(email("threads/" + i))))
              .collect(Collectors.toList());
      for (Future<?> send : sends) {
        send.get();
      }
    }

    assertThat(fake.delivered()).hasSize(6);
    assertThat(fake.tooManyRequestsCount()).isZero();
  }

  @Test
  void after429TheNextRequestWaitsForRetryAfter() {
    ResendEmailSender sender = ResendFixtures.sender(fake, 50, Duration.ofSeconds(5));
    fake.inject(FakeResend.Fault.RATE_LIMIT_429, 1);

    SendException e = catchThrowableOfType(SendException.class, () -> sender.send(email("wait/1")));
    sender.send(email("wait/1"));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    List<FakeResend.Request> requests = fake.requests();
    Duration gap =
        Duration.ofNanos(requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos());
    assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(fake.delivered()).hasSize(1);
  }
}
