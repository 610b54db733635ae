package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.discord.FakeDiscord;
import ca.businessx.nurture.alert.sms.FakeTwilio;
import ca.businessx.nurture.email.resend.FakeResend;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nurture doctor` against the fakes: one line per check, exit 1 when any fails. */
class DoctorTest {
  @TempDir Path dir;
  final FakeTwilio twilio = FakeTwilio.start();
  final FakeDiscord discord = FakeDiscord.start();
  final FakeResend resend = FakeResend.start();

  @AfterEach
  void stop() {
    twilio.close();
    discord.close();
    resend.close();
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(twilio.env("+15145550100"));
    env.put("NURTURE_DATA_DIR", dir.toString());
    env.put("RESEND_API_KEY", FakeResend.API_KEY);
    env.put("RESEND_API_URL", resend.baseUri().toString());
    env.put("EMAIL_FROM", "Nurture <hello@" + FakeResend.VERIFIED_DOMAIN + ">");
    env.put("SENDER_NAME", "BusinessX");
    env.put("SENDER_ADDRESS", "1 Main St, Montréal QC");
    env.put("SENDER_CONTACT", "hello@nurture.test");
    env.put("PUBLIC_BASE_URL", "https://leads.example.ca");
    env.put("DISCORD_WEBHOOK_URL", discord.createWebhook("123456789", "tok-abcdef").toString());
    return env;
  }

  @Test
  void everyConfiguredSystemIsCheckedAndPasses() {
    Cli.Result r = new Cli(env()).run("doctor");
    assertThat(r.out())
        .contains(
            "ok   configuration",
            "ok   database: SQLite",
            "ok   resend: the key works and nurture.test is verified",
            "ok   discord: the webhook exists",
            "ok   twilio: the account is active")
        .contains("all 5 checks passed");
    assertThat(r.exit()).isZero();
    assertThat(twilio.messages()).isEmpty();
    assertThat(discord.messages()).isEmpty();
  }

  @Test
  void eachFailureSaysWhatToDoAndTheExitIsNonZero() {
    Map<String, String> env = env();
    env.put("TWILIO_AUTH_TOKEN", "not-the-token");
    env.put("RESEND_API_KEY", "re_wrong_key_0000");
    env.put("EMAIL_FROM", "Nurture <hello@unknown.test>");
    discord.deleteWebhook("123456789");
    Cli.Result r = new Cli(env).run("doctor");
    assertThat(r.out())
        .contains(
            "FAIL twilio: twilio 401 code 20003",
            "-> copy TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN",
            "FAIL resend: Resend refused the key (401) -> set RESEND_API_KEY",
            "FAIL discord: Discord answered 404 code 10015",
            "3 of 5 checks failed")
        .doesNotContain("not-the-token", "re_wrong_key", "tok-abcdef");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void aBadConfigurationIsReportedLineByLine() {
    Map<String, String> env = new HashMap<>(Map.of("NURTURE_DATA_DIR", dir.toString()));
    env.put("SMS_ALERT_TO", "514-555");
    env.put("SENTRY_DSN", "nope");
    Cli.Result r = new Cli(env).run("doctor");
    assertThat(r.out().lines().filter(l -> l.startsWith("FAIL configuration")).count())
        .isGreaterThanOrEqualTo(5);
    assertThat(r.out()).contains("SMS_ALERT_TO must be", "SENTRY_DSN must look like");
    assertThat(r.exit()).isEqualTo(1);
  }
}
