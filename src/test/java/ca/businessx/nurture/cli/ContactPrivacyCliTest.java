package ca.businessx.nurture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nurture contact export|forget`: a person's right to see and to erase their data. */
class ContactPrivacyCliTest {
  @TempDir Path dir;
  TestApp service;
  Cli cli;
  String ana;

  @BeforeEach
  void start() {
    service = new TestApp(dir.resolve("data"), TestDatabases.Kind.SQLITE, Map.of());
    cli = new Cli(Map.of("PORT", "0", "NURTURE_DATA_DIR", dir.resolve("data").toString()));
    String signup =
        "{\"email\":\"ana@example.ca\",\"name\":\"Ana Tremblay\",\"first_name\":\"Ana\","
            + "\"business_name\":\"Tremblay Plumbing\",\"consent_text\":\"I agree to receive emails\"}";
    ana = service.http.postJson("/webhook/signup", signup).json().get("contact_id").asText();
    service.assess("ana@example.ca", 2, 0);
    service.advance(Duration.ofHours(25), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void exportPrintsEverythingHeldIncludingTheConsentRecord() throws Exception {
    Cli.Result r = cli.run("contact", "export", "ANA@example.ca");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = new ObjectMapper().readTree(r.out());
    assertThat(all.at("/contact/email").asText()).isEqualTo("ana@example.ca");
    assertThat(all.at("/contact/consent_text").asText()).isEqualTo("I agree to receive emails");
    assertThat(all.at("/contact/consent_source").asText()).isEqualTo("signup_webhook");
    assertThat(all.at("/contact/consent_ip").asText()).isEqualTo("127.0.0.1");
    assertThat(all.get("assessments")).hasSize(1);
    assertThat(all.get("emails")).hasSize(2);
    assertThat(all.get("outbox")).hasSize(2);
    assertThat(all.get("timeline").toString()).contains("signed_up", "assessed", "email_sent");
    assertThat(cli.run("contact", "export", "nobody@example.ca").exit()).isEqualTo(1);
  }

  @Test
  void forgetErasesPersonalDataAndTheAddressIsNeverMailedAgain() throws Exception {
    Cli.Result r = cli.run("contact", "forget", "ana@example.ca");
    assertThat(r.exit()).as(r.err()).isZero();

    String everything =
        service
            .jdbi()
            .withHandle(
                h ->
                    String.valueOf(h.createQuery("select * from contacts").mapToMap().list())
                        + h.createQuery("select * from emails").mapToMap().list()
                        + h.createQuery("select * from outbox").mapToMap().list()
                        + h.createQuery("select * from events").mapToMap().list());
    assertThat(everything)
        .doesNotContain("ana@example.ca", "Ana", "Tremblay", "I agree", "127.0.0.1");
    assertThat(cli.run("contact", "export", "ana@example.ca").exit()).isEqualTo(1);

    service.signup("ana@example.ca", "Ana");
    service.assess("ana@example.ca", 3, 0);
    service.advance(Duration.ofDays(8), Duration.ofHours(6));
    assertThat(service.outboxTemplates("ana@example.ca")).isEmpty();
    int suppressed =
        service
            .jdbi()
            .withHandle(
                h -> h.createQuery("select count(*) from suppressions").mapTo(Integer.class).one());
    assertThat(suppressed).isEqualTo(1);
  }

  @Test
  void bothCommandsHaveHelp() {
    for (String sub : new String[] {"export", "forget"}) {
      Cli.Result r = cli.run("contact", sub, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: nurture contact " + sub);
    }
  }
}
