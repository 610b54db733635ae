package ca.businessx.nurture.trust;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.Signing;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of hostile bodies at the webhooks: never a 5xx, never a contact from an invalid body,
 * and nothing a lead typed ever reaches an email unescaped.
 */
class HostileInputProperties {
  static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
  static final List<String> FRAGMENTS =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'; DROP TABLE contacts; --",
          "Robert'); DELETE FROM emails;--",
          "&amp;&lt;",
          "{{first_name}}",
          "{{{body}}}",
          "💥 Ünïcödé ✓",
          "\u202Eevil",
          "a\"b'c<d>e&f",
          "%00%0d%0a",
          "\\\\u0000");
  static TestApp t;

  @BeforeContainer
  static void start() throws IOException {
    Path dir = Files.createTempDirectory("nurture-props");
    t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of("RESEND_WEBHOOK_SECRET", WHSEC));
  }

  @AfterContainer
  static void stop() {
    t.close();
  }

  @Property(tries = 1500)
  void leadWebhooksNeverFailOnGarbage(
      @ForAll("hostileBodies") String body,
      @ForAll("paths") String path,
      @ForAll("contentTypes") String contentType) {
    int before = contacts();
    Http.Response r = t.http.post(path, contentType, body);
    assertThat(r.status()).as(body).isBetween(200, 499);
    if (r.status() >= 400) {
      assertThat(contacts()).as("nothing written for %s", body).isEqualTo(before);
      assertThat(r.json().get("error").asText()).isNotBlank();
    }
  }

  @Property(tries = 800)
  void resendWebhookNeverFailsOnGarbage(
      @ForAll("hostileBodies") String body, @ForAll boolean sign) {
    long ts = t.clock.instant().getEpochSecond();
    String id = "msg_" + Integer.toHexString(body.hashCode()) + ts;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.app.port() + "/webhook/resend"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (sign) {
      b.header("svix-id", id)
          .header("svix-timestamp", Long.toString(ts))
          .header("svix-signature", Signing.svix(WHSEC, id, ts, body));
    }
    assertThat(t.http.send(b.build()).status()).as(body).isBetween(200, 499);
  }

  @Property(tries = 150)
  void storedTextNeverAppearsUnescapedInAnEmail(
      @ForAll("fragments") String first, @ForAll("fragments") String business) {
    assertEscaped(first, business);
  }

  /** The case that made the old assertion fail: a bare quote, escaped, mistaken for a leak. */
  @Example
  void aBareQuoteIsEscapedAndNotMistakenForTheTemplatesOwnQuotes() {
    assertEscaped("\"", "'");
    assertEscaped("a\"b'c<d>e&f", "\"><img src=x onerror=alert(1)>");
  }

  static void assertEscaped(String first, String business) {
    String html = firstEmail(first, business);
    // Escaped text adds entities (&lt; &quot; ...) but never a raw markup character: the email
    // of a lead with harmless names has exactly as many of each. Looking for the typed text itself
    // is wrong: a bare " is also in the template's own attributes.
    String harmless = harmlessEmail(first.isBlank(), business.isBlank());
    for (char c : "<>\"'".toCharArray()) {
      assertThat(count(html, c))
          .as("raw %s in the email of %s / %s", c, first, business)
          .isEqualTo(count(harmless, c));
    }
    assertThat(html).doesNotContain("<script>").doesNotContain("onerror=alert");
  }

  static final Map<String, String> HARMLESS = new java.util.HashMap<>();

  /** A blank name takes the template's other wording ("Hi there,"), so blank stays blank. */
  static String harmlessEmail(boolean blankFirst, boolean blankBusiness) {
    return HARMLESS.computeIfAbsent(
        blankFirst + "/" + blankBusiness,
        k -> firstEmail(blankFirst ? " " : "Ana", blankBusiness ? " " : "Acme"));
  }

  /** The first email of a new assessed lead with these names, as stored for sending. */
  static String firstEmail(String first, String business) {
    String email =
        "p"
            + Integer.toHexString((first + business).hashCode())
            + System.nanoTime()
            + "@example.ca";
    String signup =
        "{\"email\":\""
            + email
            + "\",\"first_name\":"
            + json(first)
            + ",\"name\":"
            + json(first)
            + ",\"business_name\":"
            + json(business)
            + "}";
    assertThat(t.http.postJson("/webhook/signup", signup).status()).isEqualTo(201);
    assertThat(t.assess(email, 2, 0).status()).isEqualTo(200);
    t.runDue();
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery("select html from outbox where recipient = :r")
                    .bind("r", email)
                    .mapTo(String.class)
                    .one());
  }

  static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("/webhook/signup", "/webhook/assessment");
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "application/json",
        "application/json; charset=utf-8",
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data; boundary=x");
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.oneOf(
        Arbitraries.of(FRAGMENTS),
        Arbitraries.strings()
            .ofMinLength(1)
            .ofMaxLength(60)
            .withCharRange(' ', '~')
            .withCharRange('\u00C0', '\u024F'));
  }

  @Provide
  Arbitrary<String> hostileBodies() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "[]",
                "{}",
                "-1",
                "1e400",
                "123456789012345678901234567890",
                "-0.5",
                "\"\"",
                "\"3\"",
                "[1,2,3]",
                "{\"$ne\":1}"),
            Arbitraries.of(FRAGMENTS).map(HostileInputProperties::json),
            Arbitraries.strings().ofMaxLength(300).map(HostileInputProperties::json),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf));
    Arbitrary<String> field =
        Arbitraries.of(
            "email",
            "name",
            "first_name",
            "business_name",
            "red_systems",
            "orange_systems",
            "yellow_systems",
            "green_systems",
            "assessment_score",
            "consent",
            "type",
            "data");
    Arbitrary<String> object =
        Combinators.combine(field.list().ofMaxSize(8), value.list().ofSize(8))
            .as(
                (keys, values) -> {
                  StringBuilder sb = new StringBuilder("{");
                  for (int i = 0; i < keys.size(); i++) {
                    sb.append(i == 0 ? "" : ",")
                        .append(json(keys.get(i)))
                        .append(':')
                        .append(values.get(i));
                  }
                  return sb.append('}').toString();
                });
    Arbitrary<String> almostValid =
        Combinators.combine(value, value)
            .as(
                (red, emailValue) ->
                    "{\"email\":"
                        + emailValue
                        + ",\"red_systems\":"
                        + red
                        + ",\"orange_systems\":0,\"yellow_systems\":0,\"green_systems\":0}");
    Arbitrary<String> deep =
        Arbitraries.integers().between(100, 3000).map(n -> "[".repeat(n) + "]".repeat(n));
    Arbitrary<String> bytes =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(400)
            .map(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
    Arbitrary<String> form =
        Arbitraries.strings().ofMaxLength(200).map(s -> "email=" + s + "&red_systems=" + s);
    return Arbitraries.oneOf(
        object, almostValid, deep, bytes, form, Arbitraries.strings().ofMaxLength(500));
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  static int contacts() {
    return t.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from contacts").mapTo(Integer.class).one());
  }
}
