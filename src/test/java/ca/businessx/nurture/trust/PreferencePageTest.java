package ca.businessx.nurture.trust;

import static ca.businessx.nurture.support.StoredEnrollmentAssert.assertThatEnrollmentOf;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The unsubscribe link opens a page of choices under the same signed token: a pause that ends by
 * itself, the other language, the end of this sequence, or unsubscribing from everything.
 */
class PreferencePageTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  @TempDir Path dir;

  private TestApp app(TestDatabases.Kind kind) {
    return new TestApp(dir, kind, Map.of("PUBLIC_BASE_URL", "https://nurture.example"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aPauseHoldsTheNextEmailThirtyDaysThenTheSequenceGoesOn(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String id = mailed(t, "ana@example.ca");
      String token = UnsubscribeTest.tokenIn(t, "ana@example.ca");
      Http.Response page = t.http.get("/unsubscribe/" + token);
      assertThat(page.body())
          .contains("Pause these emails for 30 days", "en français", "Stop this series")
          .contains("Unsubscribe from everything");

      Http.Response paused = choose(t, token, "choice=pause");
      assertThat(paused.status()).isEqualTo(200);
      assertThat(paused.body()).contains("Paused for 30 days");
      t.advance(Duration.ofDays(29), Duration.ofHours(6));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1");
      t.advance(Duration.ofDays(2), Duration.ofHours(6));
      assertThat(t.outboxTemplates("ana@example.ca")).containsExactly("email_1", "email_2a");
      assertThat(t.http.get("/api/contacts/" + id).json().path("timeline").toString())
          .contains("paused_by_lead");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void theOtherLanguageAndTheEndOfTheSequenceAreChoicesToo(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      mailed(t, "bo@example.ca");
      String token = UnsubscribeTest.tokenIn(t, "bo@example.ca");
      Http.Response french = choose(t, token, "choice=language&language=fr");
      assertThat(french.body()).contains("en français");
      assertThat(t.http.get("/unsubscribe/" + token).body()).contains("Vos préférences");
      t.advance(Duration.ofDays(2), Duration.ofHours(1));
      assertThat(language(t, "bo@example.ca", 2)).isEqualTo("fr");

      String cy = mailed(t, "cy@example.ca");
      String cyToken = UnsubscribeTest.tokenIn(t, "cy@example.ca");
      assertThat(choose(t, cyToken, "choice=stop").body()).contains("Series stopped");
      assertThatEnrollmentOf(t.jdbi(), cy).hasState("STOPPED");
      t.advance(Duration.ofDays(8), Duration.ofHours(6));
      assertThat(t.outboxTemplates("cy@example.ca")).containsExactly("email_1");

      assertThat(choose(t, cyToken, "choice=dance").status()).isEqualTo(400);
      assertThat(choose(t, cyToken.substring(1) + "x", "choice=pause").status()).isEqualTo(404);
    }
  }

  private static String mailed(TestApp t, String email) {
    String id = t.signup(email, "Ana");
    t.assess(email, 2, 0);
    t.runDue();
    return id;
  }

  private static Http.Response choose(TestApp t, String token, String form) {
    return t.http.post("/unsubscribe/" + token + "/choose", FORM, form);
  }

  private static String language(TestApp t, String email, int step) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select m.language from emails m join contacts c on c.id = m.contact_id"
                            + " where c.email = :e and m.step = :s")
                    .bind("e", email)
                    .bind("s", step)
                    .mapTo(String.class)
                    .one());
  }
}
