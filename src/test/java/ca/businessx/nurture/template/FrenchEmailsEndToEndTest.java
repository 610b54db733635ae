package ca.businessx.nurture.template;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Quebec lead and an Ontario lead assessed at the same instant: each of the five emails is in the
 * lead's language, and each email records the language it was written in.
 */
class FrenchEmailsEndToEndTest {
  private static final String LEA = "lea@example.ca";
  private static final String OWEN = "owen@example.ca";
  private static final String SAM = "sam@example.ca";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aQuebecLeadGetsFrenchAndAnOntarioLeadEnglish(TestDatabases.Kind db) {
    try (TestApp t = new TestApp(dir, db, Map.of("TESTING_MODE", "true"))) {
      signup(t, LEA, "\"postal_code\":\"H2X 1Y4\"");
      signup(t, OWEN, "\"province\":\"ON\"");
      // An Ontario lead who asked for French gets French: the lead's own choice wins.
      signup(t, SAM, "\"province\":\"ON\",\"language\":\"fr\"");
      for (String email : List.of(LEA, OWEN, SAM)) {
        assertThat(t.assess(email, 1, 0).status()).isEqualTo(200);
      }
      t.advance(Duration.ofMinutes(11), Duration.ofMinutes(1));

      assertThat(languages(t, LEA)).hasSize(5).containsOnly("fr");
      assertThat(languages(t, OWEN)).hasSize(5).containsOnly("en");
      assertThat(languages(t, SAM)).hasSize(5).containsOnly("fr");
      assertThat(outboxHtml(t, LEA))
          .hasSize(5)
          .allSatisfy(
              html ->
                  assertThat(html)
                      .contains("lang=\"fr-CA\"")
                      .contains("Désabonnez-vous")
                      .doesNotContain("Warm regards"));
      assertThat(outboxHtml(t, OWEN))
          .hasSize(5)
          .allSatisfy(html -> assertThat(html).contains("lang=\"en-CA\"").contains("Unsubscribe"));
      assertThat(outboxSubjects(t, LEA))
          .contains("Les résultats de votre diagnostic de systèmes d’affaires");
      String leaId =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select id from contacts where email = :e")
                          .bind("e", LEA)
                          .mapTo(String.class)
                          .one());
      assertThat(t.http.get("/console/leads/" + leaId).body())
          .contains("America/Toronto (main zone of QC)")
          .contains("fr (Quebec default)")
          .contains("in <span class=\"email-language\">fr</span>");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabases.Kind.class,
      names = {"SQLITE"})
  void theDefaultsAreSettings(TestDatabases.Kind db) {
    Map<String, String> env =
        Map.of(
            "TESTING_MODE",
            "true",
            "DEFAULT_LANGUAGE",
            "fr",
            "DEFAULT_LANGUAGE_QC",
            "en",
            "DEFAULT_TIMEZONE",
            "America/Halifax");
    try (TestApp t = new TestApp(dir, db, env)) {
      String owen = signup(t, OWEN, "\"province\":\"ON\"");
      signup(t, LEA, "\"province\":\"QC\"");
      t.assess(OWEN, 0, 0);
      t.assess(LEA, 0, 0);
      t.runDue();
      assertThat(languages(t, OWEN)).containsOnly("fr");
      assertThat(languages(t, LEA)).containsOnly("en");
      String nobody = signup(t, SAM, "\"first_name\":\"Sam\"");
      assertThat(t.http.get("/console/leads/" + nobody).body())
          .contains("America/Halifax (default)")
          .contains("fr (default)");
      assertThat(t.http.get("/console/leads/" + owen).body())
          .contains("America/Toronto (main zone of ON)");
      // The template page previews each template in either language.
      assertThat(t.http.get("/console/templates?key=email_1&segment=URGENT&language=fr").body())
          .contains("Les résultats de votre diagnostic")
          .contains("<dd id=\"template-language\">fr</dd>");
      assertThat(t.http.get("/console/templates?key=email_1&segment=URGENT&language=en").body())
          .contains("Your business-systems assessment results");
    }
  }

  private static String signup(TestApp t, String email, String fields) {
    Http.Response r =
        t.postWebhook("/webhook/signup", "{\"email\":\"" + email + "\"," + fields + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("contact_id").asText();
  }

  private static List<String> languages(TestApp t, String email) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select e.language from emails e join contacts c on c.id = e.contact_id"
                            + " where c.email = :email and e.state = 'SENT' order by e.step")
                    .bind("email", email)
                    .mapTo(String.class)
                    .list());
  }

  private static List<String> outboxHtml(TestApp t, String email) {
    return outbox(t, email, "html");
  }

  private static List<String> outboxSubjects(TestApp t, String email) {
    return outbox(t, email, "subject");
  }

  private static List<String> outbox(TestApp t, String email, String column) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select "
                            + column
                            + " from outbox where recipient = :r order by recorded_at")
                    .bind("r", email)
                    .mapTo(String.class)
                    .list());
  }
}
