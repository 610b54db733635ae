package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fault Notion can throw at us comes out as the right kind of {@link NotionException}. */
class NotionFaultsTest {
  @RegisterExtension final FakeNotion fake = FakeNotion.start();
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));

  @ParameterizedTest
  @CsvSource({
    "429, rate_limited, 7",
    "529, service_overload, 3",
    "500, internal_server_error, ",
    "502, bad_gateway, ",
    "503, service_unavailable, 30",
    "504, gateway_timeout, ",
    "409, conflict_error, "
  })
  void serverTroubleIsTransient(int status, String code, String retryAfter) {
    fake.inject(new FakeNotion.Status(status, code, retryAfter));

    NotionException e = failure(client(Duration.ofSeconds(2)));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.getMessage()).contains(code);
    assertThat(e.retryAfter())
        .isEqualTo(
            java.util.Optional.ofNullable(retryAfter)
                .map(s -> Duration.ofSeconds(Long.parseLong(s))));
  }

  @ParameterizedTest
  @CsvSource({
    "400, validation_error",
    "401, unauthorized",
    "403, restricted_resource",
    "404, object_not_found"
  })
  void refusalsArePermanentAndNameTheCode(int status, String code) {
    fake.inject(new FakeNotion.Status(status, code, null));

    NotionException e = failure(client(Duration.ofSeconds(2)));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.getMessage())
        .contains(String.valueOf(status))
        .contains(code)
        .contains("Injected " + code);
  }

  @Test
  void aSlowAnswerTimesOutAsTransient() {
    fake.inject(new FakeNotion.Slow(Duration.ofMillis(1500)));

    NotionException e = failure(client(Duration.ofMillis(300)));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.code()).isEqualTo("timeout");
  }

  @Test
  void aDroppedConnectionIsTransient() {
    NotionClient client = client(Duration.ofSeconds(2));
    client.dataSourceId(fake.contacts.id);
    // The JDK client retries an idempotent GET once on a fresh connection; a POST it does not.
    fake.inject(new FakeNotion.Drop());

    NotionException e = failure(client);

    assertThat(e.isTransient()).isTrue();
    assertThat(e.code()).isEqualTo("connection_failed");
  }

  @Test
  void afterRetryAfterTheClientStaysQuietUntilTheTimeIsUp() {
    NotionClient client = client(Duration.ofSeconds(2));
    client.dataSourceId(fake.contacts.id);
    fake.inject(new FakeNotion.Status(429, "rate_limited", "10"));
    failure(client);
    int sent = fake.requestCount();

    clock.advance(Duration.ofSeconds(4));
    NotionException quiet = failure(client);

    assertThat(fake.requestCount()).as("nothing sent while asked to wait").isEqualTo(sent);
    assertThat(quiet.isTransient()).isTrue();
    assertThat(quiet.retryAfter()).contains(Duration.ofSeconds(6));

    clock.advance(Duration.ofSeconds(6));
    assertThat(client.query(fake.contacts.id, null)).isEmpty();
    assertThat(fake.requestCount()).isEqualTo(sent + 1);
  }

  @Test
  void retryAfterAsAnHttpDateIsUnderstood() {
    fake.inject(new FakeNotion.Status(429, "rate_limited", "Sun, 01 Mar 2026 12:00:45 GMT"));

    assertThat(failure(client(Duration.ofSeconds(2))).retryAfter())
        .contains(Duration.ofSeconds(45));
  }

  private NotionClient client(Duration timeout) {
    return new NotionClient(fake.settings(FakeNotion.V2025).withTimeout(timeout), clock);
  }

  private NotionException failure(NotionClient client) {
    NotionException e =
        catchThrowableOfType(NotionException.class, () -> client.query(fake.contacts.id, null));
    assertThat(e).as("the call should have failed").isNotNull();
    return e;
  }
}
