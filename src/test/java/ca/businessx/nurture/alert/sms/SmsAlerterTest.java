package ca.businessx.nurture.alert.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.segment.Segment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Twilio adapter against the local fake: the form, the auth and the error mapping. */
class SmsAlerterTest {
  final FakeTwilio fake = FakeTwilio.start();
  static final LeadAlert LEAD =
      new LeadAlert("c-1", "Ana", "Tremblay Plumbing", Segment.CRITICAL, 3, 0, 0, 0, 50.0, null);

  @AfterEach
  void stop() {
    fake.close();
  }

  SmsAlerter alerter(String to, String token) {
    return new SmsAlerter(
        new TwilioClient(
            new TwilioSettings(
                fake.url(), FakeTwilio.SID, token, FakeTwilio.FROM, Duration.ofSeconds(2))),
        to,
        "https://leads.example.ca");
  }

  @Test
  void textsTheNumberFromTheAccountsNumber() {
    alerter("+15145550100", FakeTwilio.TOKEN).criticalLead(LEAD);
    assertThat(fake.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.to()).isEqualTo("+15145550100");
              assertThat(m.from()).isEqualTo(FakeTwilio.FROM);
              assertThat(m.body())
                  .isEqualTo(
                      "CRITICAL lead: Tremblay Plumbing (Ana)"
                          + " https://leads.example.ca/console/leads/c-1");
            });
  }

  @Test
  void aBadNumberOrALandlineIsPermanentAndNamesTheSettingNotTheNumber() {
    AlertException invalid =
        catchThrowableOfType(
            AlertException.class, () -> alerter("5145550100", FakeTwilio.TOKEN).criticalLead(LEAD));
    assertThat(invalid.isTransient()).isFalse();
    assertThat(invalid.getMessage()).contains("21211", "SMS_ALERT_TO").doesNotContain("5145550100");

    fake.landline("+15145550111");
    AlertException landline =
        catchThrowableOfType(
            AlertException.class,
            () -> alerter("+15145550111", FakeTwilio.TOKEN).criticalLead(LEAD));
    assertThat(landline.isTransient()).isFalse();
    assertThat(landline.getMessage()).contains("21614");
  }

  @Test
  void aWrongTokenIsPermanent() {
    AlertException e =
        catchThrowableOfType(
            AlertException.class, () -> alerter("+15145550100", "s3cret-t0ken").criticalLead(LEAD));
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("401", "20003").doesNotContain("s3cret-t0ken");
  }

  @ParameterizedTest
  @EnumSource(FakeTwilio.Fault.class)
  void rateLimitsServerErrorsAndLostConnectionsAreRetried(FakeTwilio.Fault fault) {
    fake.inject(fault, 1);
    AlertException e =
        catchThrowableOfType(
            AlertException.class,
            () -> alerter("+15145550100", FakeTwilio.TOKEN).criticalLead(LEAD));
    assertThat(e.isTransient()).isTrue();
    if (fault == FakeTwilio.Fault.RATE_LIMIT_429) {
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    }
    alerter("+15145550100", FakeTwilio.TOKEN).criticalLead(LEAD);
    assertThat(fake.messages()).hasSize(1);
  }

  @Test
  void theAccountCanBeReadWithoutTexting() {
    var client =
        new TwilioClient(
            new TwilioSettings(
                fake.url(),
                FakeTwilio.SID,
                FakeTwilio.TOKEN,
                FakeTwilio.FROM,
                Duration.ofSeconds(2)));
    assertThat(client.accountStatus()).isEqualTo("active");
    assertThat(fake.messages()).isEmpty();
  }
}
