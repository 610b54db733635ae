package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void defaultsNeedNoConfiguration() {
    Config c = ConfigLoader.load(Map.of());
    assertThat(c.port()).isEqualTo(8000);
    assertThat(c.testingMode()).isFalse();
    assertThat(c.db().embedded()).isTrue();
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.adminToken()).isEmpty();
  }

  @Test
  void everyInvalidValueIsNamedOnItsOwnLine() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "PORT", "eighty",
                        "TESTING_MODE", "maybe",
                        "SEQUENCE_WAITS", "PT2S,soon",
                        "NURTURE_DB_URL", "mysql://x",
                        "RESEND_RETRIES", "-1")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactlyInAnyOrder(
                        "PORT must be a whole number, got 'eighty'",
                        "TESTING_MODE must be true or false, got 'maybe'",
                        "SEQUENCE_WAITS must be ISO-8601 durations such as PT2S or PT24H, got 'soon'",
                        "NURTURE_DB_URL must start with jdbc:postgresql: or jdbc:sqlite:",
                        "RESEND_RETRIES must be between 0 and 100, got -1"));
  }

  @Test
  void aRealProviderNeedsTheSenderIdentityThatCaslRequires() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("RESEND_API_KEY", "re_x")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .hasSize(4)
                    .allSatisfy(
                        line -> assertThat(line).contains("required once a real email provider")));
    Config ok =
        ConfigLoader.load(
            Map.of(
                "SMTP_HOST",
                "mail.example",
                "SENDER_NAME",
                "B",
                "SENDER_ADDRESS",
                "A",
                "SENDER_CONTACT",
                "c@b.ca",
                "PUBLIC_BASE_URL",
                "https://n.example"));
    assertThat(ok.mail().smtp()).isPresent();
  }

  @Test
  void sequenceWaitsAreParsed() {
    Config c = ConfigLoader.load(Map.of("SEQUENCE_WAITS", "PT2S, PT3S,PT1M,PT0S"));
    assertThat(c.sequence().waits())
        .contains(
            List.of(
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1),
                Duration.ZERO));
  }

  @Test
  void dotEnvFillsInAndTheProcessEnvironmentWins(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".env"), "NURTURE_TEST_ONLY_SETTING=from-file\nPATH=from-file\n");
    Map<String, String> env = ConfigLoader.environment(dir);
    assertThat(env).containsEntry("NURTURE_TEST_ONLY_SETTING", "from-file");
    assertThat(env.get("PATH")).isEqualTo(System.getenv("PATH"));
  }

  @Test
  void trustedProxiesAreCidrsAndTheOldLeftmostSwitchStopsTheStart() {
    assertThat(ConfigLoader.load(Map.of()).trust().trustedProxies())
        .isEqualTo(ClientAddress.LOOPBACK);
    assertThat(
            ConfigLoader.load(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"))
                .trust()
                .trustedProxies())
        .hasSize(2);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRUSTED_PROXIES", "10.0.0.0/8,proxy.lan")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TRUSTED_PROXIES must be comma-separated CIDRs");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRUST_FORWARDED_FOR", "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("set TRUSTED_PROXIES");
  }

  @Test
  void theSendWindowIsOnByDefaultAndOffForTestingUnlessSetExplicitly() {
    assertThat(ConfigLoader.load(Map.of()).sendWindows().window())
        .hasToString("MON-FRI 09:00-17:00");
    assertThat(ConfigLoader.load(Map.of("TESTING_MODE", "true")).sendWindows().window())
        .isSameAs(ca.businessx.nurture.calendar.SendWindow.ALWAYS);
    assertThat(
            ConfigLoader.load(Map.of("SEQUENCE_WAITS", "PT1S,PT1S,PT1S,PT1S"))
                .sendWindows()
                .window())
        .isSameAs(ca.businessx.nurture.calendar.SendWindow.ALWAYS);
    assertThat(
            ConfigLoader.load(Map.of("TESTING_MODE", "true", "SEND_WINDOW", "mon-sat 08:30-18:00"))
                .sendWindows()
                .window())
        .hasToString("MON-SAT 08:30-18:00");
  }

  @Test
  void anUnparseableSendWindowStopsTheStartWithOneLine() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SEND_WINDOW", "weekdays 9-5")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(
                        "SEND_WINDOW must look like MON-FRI 09:00-17:00 (days, a space,"
                            + " opening-closing hours) or always, got 'weekdays 9-5'"));
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("SEND_WINDOW", "MON-FRI 17:00-09:00")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "SEND_WINDOW opens at 17:00, which is not before 09:00, got 'MON-FRI 17:00-09:00'");
  }
}
