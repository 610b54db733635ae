package ca.businessx.nurture.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a first-time operator reads in the console: words, not codes, and nothing misleading. */
class ConsoleDetailsTest {
  static final String TOKEN = "console-token-42-long-enough-for-the-rule";
  @TempDir Path dir;
  TestApp t;
  Http console;
  String ana;

  @BeforeEach
  void start() {
    t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("ADMIN_TOKEN", TOKEN));
    console = new Http(t.app.port()).bearer(TOKEN);
    ana = t.signup("ana@example.ca", "Ana");
    t.http.postJson(
        "/webhook/assessment",
        "{\"email\":\"ana@example.ca\",\"red_systems\":2,\"orange_systems\":0,"
            + "\"yellow_systems\":0,\"green_systems\":0,\"assessment_score\":48}");
    t.advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void theLeadPageSpeaksInSentencesAndScoresOutOf100() {
    String page = console.get("/console/leads/" + ana).body();
    assertThat(page).contains("<dd id=\"score\">48/100</dd>").doesNotContain("48.0");
    assertThat(page).contains(">Signed up</b>", ">Took the assessment</b>");
    assertThat(page).doesNotContain(">signed_up</b>");
  }

  @Test
  void stoppingTheSequenceAsksFirst() {
    String page = console.get("/console/leads/" + ana).body();
    assertThat(page).contains("<details class=\"confirm\">", "Yes, stop the sequence");
  }

  @Test
  void aSentEmailOpensAsRenderedInASandbox() {
    String page = console.get("/console/leads/" + ana).body();
    String href = page.replaceAll("(?s).*href=\"(/console/emails/[^\"]+/html)\".*", "$1");
    assertThat(href).startsWith("/console/emails/");
    Http.Response email = console.get(href);
    assertThat(email.status()).isEqualTo(200);
    assertThat(email.header("Content-Security-Policy").orElseThrow()).startsWith("sandbox;");
    assertThat(email.body()).contains("<html", "Ana");
    assertThat(console.get("/console/emails/nope/html").status()).isEqualTo(404);
  }

  @Test
  void theNoticeBannerShowsOnlyTheConsolesOwnWords() {
    assertThat(console.get("/console?notice=Your+account+is+locked.+Call+555").body())
        .doesNotContain("Your account is locked");
    assertThat(console.get("/console/follow-up?notice=skipped").body())
        .contains("Email skipped; the sequence moves on.");
  }

  @Test
  void theOverviewHasNoNotionBacklogWithoutNotionAndNoEmoji() {
    String overview = console.get("/console").body();
    assertThat(overview).doesNotContain("Notion sync backlog").contains("due now");
    assertThat(console.get("/console/follow-up").body())
        .contains("Nothing needs a person.")
        .doesNotContain("🎉");
  }

  @Test
  void aParkedEmailSaysWhereItCouldNotConnectAndWhatToDo() {
    assertThat(
            ConsoleWords.nextStep(
                "smtp connection failed: ConnectException", "SMTP mail.example.ca:587"))
        .contains("could not reach SMTP mail.example.ca:587", "host and port", "Retry");
    assertThat(ConsoleWords.nextStep("smtp authentication failed: 535", "SMTP x:25"))
        .contains("SMTP_USERNAME");
    assertThat(ConsoleWords.nextStep("recipient domain rejected", "outbox")).contains("Skip");
  }
}
