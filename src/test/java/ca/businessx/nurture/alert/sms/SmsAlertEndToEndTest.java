package ca.businessx.nurture.alert.sms;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole service with SMS configured: a lead turning CRITICAL texts each number once through the
 * fake Twilio, durably and apart from its emails, honouring quiet hours and Twilio's errors.
 */
class SmsAlertEndToEndTest {
  static final String A = "+15145550100";
  static final String B = "+14385550199";
  @TempDir Path dir;
  final FakeTwilio twilio = FakeTwilio.start();
  TestApp t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
    twilio.close();
  }

  TestApp start(TestDatabases.Kind kind, String... more) {
    Map<String, String> env = new HashMap<>(twilio.env(A, B));
    env.put("PUBLIC_BASE_URL", "https://leads.example.ca");
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    t = new TestApp(dir, kind, env);
    return t;
  }

  List<String> timeline(String contactId) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select kind || ' ' || coalesce(detail, '') from events"
                            + " where contact_id = :c and detail like 'sms%' order by at, seq")
                    .bind("c", contactId)
                    .mapTo(String.class)
                    .list());
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aCriticalLeadTextsEachNumberOnceAndARepeatTextsNobody(TestDatabases.Kind kind) {
    start(kind);
    String id = t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 3, 0);
    t.assess("ana@example.ca", 4, 0);
    t.runDue();

    assertThat(twilio.messages())
        .extracting(FakeTwilio.Message::to)
        .containsExactlyInAnyOrder(A, B);
    assertThat(twilio.messages().getFirst().body())
        .isEqualTo(
            "CRITICAL lead: Tremblay Plumbing (Ana) https://leads.example.ca/console/leads/" + id);
    assertThat(timeline(id)).contains("alert_sent sms …0100", "alert_sent sms …0199");
    t.advance(Duration.ofMinutes(5), Duration.ofMinutes(1));
    assertThat(twilio.messages()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void anUrgentLeadTextsNobody(TestDatabases.Kind kind) {
    start(kind);
    t.signup("bo@example.ca", "Bo");
    t.assess("bo@example.ca", 1, 0);
    t.runDue();
    assertThat(twilio.messages()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void twilioDownNeverHoldsUpAnEmailAndIsRetriedUntilItAnswers(TestDatabases.Kind kind) {
    start(kind, "SMS_ALERT_TO", A);
    twilio.inject(FakeTwilio.Fault.HTTP_503, 1).inject(FakeTwilio.Fault.RATE_LIMIT_429, 1);
    t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 3, 0);
    t.runDue();

    assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
    assertThat(twilio.messages()).isEmpty();
    t.advance(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(twilio.messages()).isEmpty();
    t.advance(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(twilio.messages()).singleElement().extracting(FakeTwilio.Message::to).isEqualTo(A);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void retriesEndAfterSmsRetries(TestDatabases.Kind kind) {
    start(kind, "SMS_ALERT_TO", A, "SMS_RETRIES", "1");
    twilio.inject(FakeTwilio.Fault.HTTP_500, 5);
    String id = t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 3, 0);
    t.advance(Duration.ofMinutes(10), Duration.ofSeconds(30));

    assertThat(twilio.requests()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(500));
    assertThat(twilio.messages()).isEmpty();
    assertThat(timeline(id))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).startsWith("alert_retry sms"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aLandlineIsRefusedOnceAndNeverRetried(TestDatabases.Kind kind) {
    start(kind, "SMS_ALERT_TO", B);
    twilio.landline(B);
    String id = t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 3, 0);
    t.advance(Duration.ofMinutes(5), Duration.ofSeconds(30));
    assertThat(twilio.requests())
        .singleElement()
        .extracting(FakeTwilio.Request::code)
        .isEqualTo(21614);
    assertThat(timeline(id))
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("alert_failed sms …0199").contains("21614"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void quietHoursHoldTheTextUntilTheyEnd(TestDatabases.Kind kind) {
    // TestApp starts at 14:00 UTC; quiet from 13:00 to 16:30 UTC.
    start(kind, "SMS_ALERT_TO", A, "SMS_QUIET_HOURS", "13:00-16:30 UTC");
    t.signup("ana@example.ca", "Ana");
    t.assess("ana@example.ca", 3, 0);
    t.runDue();
    assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
    t.advance(Duration.ofMinutes(140), Duration.ofMinutes(10));
    assertThat(twilio.messages()).isEmpty();
    assertThat(t.clock.instant()).isBefore(Instant.parse("2026-03-02T16:30:00Z"));
    t.advance(Duration.ofMinutes(20), Duration.ofMinutes(10));
    assertThat(twilio.messages()).hasSize(1);
  }
}
