package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.sms.FakeTwilio;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nurture alert test --sms`: a text to each number now, a line per number, exit 1 on failure. */
class SmsAlertCliTest {
  @TempDir Path dir;
  final FakeTwilio twilio = FakeTwilio.start();

  /** Commands refuse to create a database by accident: this one is the service's. */
  @BeforeEach
  void serviceDatabase() {
    new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of()).close();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  Map<String, String> env(String... numbers) {
    Map<String, String> env = new HashMap<>(twilio.env(numbers));
    env.put("NURTURE_DATA_DIR", dir.toString());
    env.put("PUBLIC_BASE_URL", "https://leads.example.ca");
    return env;
  }

  @Test
  void textsEveryNumberAndSaysWhichFailed() {
    twilio.landline("+14385550199");
    Cli.Result r = new Cli(env("+15145550100", "+14385550199")).run("alert", "test", "--sms");
    assertThat(twilio.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.to()).isEqualTo("+15145550100");
              assertThat(m.body()).contains("Nurture test", "https://leads.example.ca/console");
            });
    assertThat(r.out()).contains("sms …0100: sent (SM", "sms …0199: FAILED twilio 400 code 21614");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void withoutSmsConfiguredItSaysWhatToSet() {
    Cli.Result r =
        new Cli(Map.of("NURTURE_DATA_DIR", dir.toString())).run("alert", "test", "--sms");
    assertThat(r.err()).contains("SMS is not configured; set SMS_ALERT_TO");
    assertThat(r.exit()).isEqualTo(2);
  }
}
