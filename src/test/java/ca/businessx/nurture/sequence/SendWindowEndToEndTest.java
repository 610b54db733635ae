package ca.businessx.nurture.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Vancouver lead and a Quebec lead assessed at the same instant (Monday 9:00 in Montreal, 6:00 in
 * Vancouver): email 1 goes to both at once, email 2 a day later at each one's own 9:00, in each
 * one's own language.
 */
class SendWindowEndToEndTest {
  private static final String VAN = "van@example.ca";
  private static final String QC = "qc@example.ca";

  @TempDir Path dir;

  record Sent(int step, Instant at, String language) {}

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void eachLeadGetsEmailTwoAtItsOwnNineInItsOwnLanguage(TestDatabases.Kind db) {
    try (TestApp t = new TestApp(dir, db, Map.of("SEND_WINDOW", "MON-FRI 09:00-17:00"))) {
      String van = signup(t, VAN, "\"province\":\"BC\"");
      signup(t, QC, "\"postal_code\":\"H2X 1Y4\"");
      assertThat(t.assess(VAN, 2, 0).status()).isEqualTo(200);
      assertThat(t.assess(QC, 2, 0).status()).isEqualTo(200);
      t.runDue();
      Instant assessed = TestApp.START;

      // Tuesday at 9:00 in Montreal; Vancouver is still at 6:00, outside its window.
      t.advance(Duration.ofHours(24), Duration.ofMinutes(5));
      assertThat(sent(t, QC)).extracting(Sent::step).containsExactly(1, 2);
      assertThat(sent(t, VAN)).extracting(Sent::step).containsExactly(1);
      String page = t.http.get("/console/leads/" + van).body();
      assertThat(page)
          .contains("next email leaves 2026-03-03 09:00 America/Vancouver")
          .contains("moved by the send window");

      t.advance(Duration.ofHours(4), Duration.ofMinutes(5));
      Instant montrealNine = local("2026-03-03T09:00", "America/Toronto");
      Instant vancouverNine = local("2026-03-03T09:00", "America/Vancouver");
      assertThat(sent(t, QC))
          .containsExactly(new Sent(1, assessed, "fr"), new Sent(2, montrealNine, "fr"));
      assertThat(sent(t, VAN))
          .containsExactly(new Sent(1, assessed, "en"), new Sent(2, vancouverNine, "en"));
    }
  }

  private static Instant local(String at, String zone) {
    return LocalDateTime.parse(at).atZone(ZoneId.of(zone)).toInstant();
  }

  private static String signup(TestApp t, String email, String fields) {
    Http.Response r =
        t.postWebhook("/webhook/signup", "{\"email\":\"" + email + "\"," + fields + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("contact_id").asText();
  }

  private static List<Sent> sent(TestApp t, String email) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select e.step, e.sent_at, e.language from emails e"
                            + " join contacts c on c.id = e.contact_id"
                            + " where c.email = :email and e.state = 'SENT' order by e.step")
                    .bind("email", email)
                    .map(
                        (rs, ctx) ->
                            new Sent(
                                rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)))
                    .list());
  }
}
