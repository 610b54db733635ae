package ca.businessx.nurture.link;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ca.businessx.nurture.trust.ResendEventsTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lead's email carries signed redirects instead of its links; following one records the click and
 * lands on the template's destination; a tampered link goes nowhere; Resend's report of the same
 * click does not count it twice.
 */
class LinkTrackingTest {
  private static final Pattern TRACKED = Pattern.compile("href=\"[^\"]*(/r/[A-Za-z0-9_.-]+)\"");
  private static final String BOOKING = "https://cal.example.ca/book";

  @TempDir Path dir;

  private TestApp app(TestDatabases.Kind kind) {
    return new TestApp(
        dir,
        kind,
        Map.of("BOOKING_URL", BOOKING, "RESEND_WEBHOOK_SECRET", ResendEventsTest.SECRET));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void theBookingLinkRedirectsWithUtmAndRecordsTheClickOnce(TestDatabases.Kind kind) {
    try (TestApp t = app(kind)) {
      String contact = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 2, 0);
      t.runDue();
      String html = outboxHtml(t, "email_1");
      assertThat(html).doesNotContain("href=\"" + BOOKING).contains("/unsubscribe/");
      List<String> tracked = tracked(html);
      assertThat(tracked).hasSize(1);
      assertThat(storedHtml(t, contact)).contains(tracked.getFirst());

      Http.Response r = t.http.get(tracked.getFirst());
      assertThat(r.status()).isEqualTo(302);
      assertThat(r.header("Location"))
          .hasValue(
              BOOKING
                  + "?utm_source=nurture&utm_medium=email&utm_campaign=email_1&utm_content=critical");
      assertThat(t.http.get(tracked.getFirst()).status()).isEqualTo(302);
      assertThat(clicks(t)).containsExactly("email_1:booking:redirect");
      assertThat(t.http.get("/api/contacts/" + contact).json().path("timeline").toString())
          .contains("link_clicked");
    }
  }

  @Test
  void aTamperedTokenIs404AndNeverRedirects() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.runDue();
      String path = tracked(outboxHtml(t, "email_1")).getFirst();
      String payload = path.substring(3, path.indexOf('.'));
      String sig = path.substring(path.indexOf('.'));
      String evil =
          java.util.Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  new String(java.util.Base64.getUrlDecoder().decode(payload))
                      .replace(BOOKING, "https://evil.example")
                      .getBytes());
      for (String bad :
          List.of(
              "/r/" + evil + sig,
              path.substring(0, path.length() - 2) + "xx",
              "/r/nothing",
              path + "?to=https://evil.example")) {
        Http.Response r = t.http.get(bad);
        if (bad.contains("?to=")) {
          // The query is ignored: the signed destination, never the parameter.
          assertThat(r.header("Location").orElseThrow()).startsWith(BOOKING);
          continue;
        }
        assertThat(r.status()).as(bad).isEqualTo(404);
        assertThat(r.header("Location")).isEmpty();
      }
      assertThat(clicks(t)).containsExactly("email_1:booking:redirect");
    }
  }

  @Test
  void aResendClickAndARedirectClickOnTheSameLinkCountOnce() {
    try (TestApp t = app(TestDatabases.Kind.SQLITE)) {
      String contact = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 2);
      t.runDue();
      String path = tracked(outboxHtml(t, "email_1")).getFirst();
      String message = ResendEventsTest.firstMessageId(t, contact);
      String click =
          "{\"type\":\"email.clicked\",\"created_at\":\"2026-03-02T14:00:05Z\",\"data\":"
              + "{\"email_id\":\""
              + message
              + "\",\"created_at\":\"2026-03-02T14:00:00Z\",\"from\":\"a@b.ca\","
              + "\"to\":[\"x@y.ca\"],\"subject\":\"s\",\"click\":{\"ipAddress\":\"1.2.3.4\","
              + "\"link\":\""
              + t.http.base().replace("127.0.0.1", "localhost").replaceAll(":\\d+$", ":0")
              + path
              + "\",\"timestamp\":\"2026-03-02T14:00:05Z\",\"userAgent\":\"x\"}}}";
      assertThat(ResendEventsTest.signed(t, "msg_c1", click).status()).isEqualTo(200);
      assertThat(t.http.get(path).status()).isEqualTo(302);
      assertThat(clicks(t)).containsExactly("email_1:booking:resend");
      Long clickedAt =
          t.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select clicked_at from emails where contact_id = :c")
                          .bind("c", contact)
                          .mapTo(Long.class)
                          .one());
      assertThat(clickedAt).isNotNull();
    }
  }

  static List<String> tracked(String html) {
    List<String> paths = new ArrayList<>();
    Matcher m = TRACKED.matcher(html);
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  static String outboxHtml(TestApp t, String template) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery("select html from outbox where template_key = :k")
                    .bind("k", template)
                    .mapTo(String.class)
                    .one());
  }

  private static String storedHtml(TestApp t, String contact) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery("select html from emails where contact_id = :c and step = 1")
                    .bind("c", contact)
                    .mapTo(String.class)
                    .one());
  }

  static List<String> clicks(TestApp t) {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select e.template_key, l.link_name, l.source from link_clicks l"
                            + " join emails e on e.id = l.email_id order by l.clicked_at")
                    .map(
                        (rs, ctx) ->
                            rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
                    .list());
  }
}
