package ca.businessx.nurture.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The signup's locale fields: each bad one is named in one 422, and nothing is written. */
class FieldsLocaleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static TestApp t;

  @BeforeAll
  static void start() {
    t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static LeadLocale read(String json) throws Exception {
    Fields f = new Fields((ObjectNode) JSON.readTree(json));
    LeadLocale l = f.locale();
    f.throwIfInvalid();
    return l;
  }

  @Test
  void allFourAreOptional() throws Exception {
    assertThat(read("{}")).isEqualTo(LeadLocale.UNKNOWN);
    assertThat(read("{\"timezone\":\"\",\"province\":\" \",\"language\":null}"))
        .isEqualTo(LeadLocale.UNKNOWN);
  }

  @Test
  void valuesAreReadInAnyCaseAndNormalised() throws Exception {
    LeadLocale l =
        read(
            "{\"timezone\":\"america/vancouver\",\"province\":\"bc\",\"postal_code\":\"v6b1a1\","
                + "\"language\":\"FR\"}");
    assertThat(l.timezone()).isEqualTo(ZoneId.of("America/Vancouver"));
    assertThat(l.province()).isEqualTo(Province.BC);
    assertThat(l.postalCode()).isEqualTo("V6B 1A1");
    assertThat(l.language()).isEqualTo(Language.FR);
  }

  @Test
  void aPostalCodeStandsInForAMissingProvince() throws Exception {
    assertThat(read("{\"postal_code\":\"H2X 1Y4\"}").province()).isEqualTo(Province.QC);
  }

  @Test
  void aGivenProvinceWinsOverThePostalCode() throws Exception {
    assertThat(read("{\"province\":\"ON\",\"postal_code\":\"H2X 1Y4\"}").province())
        .isEqualTo(Province.ON);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown zone      | {\"timezone\":\"Mars/Olympus\"}   | timezone    | is not an IANA time zone such as America/Toronto",
        "offset, no place  | {\"timezone\":\"+05:00\"}         | timezone    | is not an IANA time zone such as America/Toronto",
        "abbreviation      | {\"timezone\":\"EST\"}            | timezone    | is not an IANA time zone such as America/Toronto",
        "zone not a string | {\"timezone\":5}                  | timezone    | must be a string",
        "unknown province  | {\"province\":\"XX\"}             | province    | is not a Canadian province or territory code such as QC",
        "province spelled  | {\"province\":\"Quebec\"}         | province    | is not a Canadian province or territory code such as QC",
        "US zip            | {\"postal_code\":\"90210\"}       | postal_code | is not a Canadian postal code such as H2X 1Y4",
        "bad letter        | {\"postal_code\":\"D2X 1Y4\"}     | postal_code | is not a Canadian postal code such as H2X 1Y4",
        "unknown language  | {\"language\":\"es\"}             | language    | must be en or fr",
        "language spelled  | {\"language\":\"french\"}         | language    | must be en or fr",
      })
  void badValuesAre422NamingTheFieldAndNothingIsWritten(
      String label, String fields, String field, String problem) {
    String body = "{\"email\":\"ana@example.ca\"," + fields.substring(1);
    Http.Response r = t.http.postJson("/webhook/signup", body);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(problems(r)).containsExactly(field + ": " + problem);
    assertThat(contacts()).isZero();
  }

  @Test
  void everyBadLocaleFieldIsNamedInOneAnswer() {
    Http.Response r =
        t.http.postJson(
            "/webhook/signup",
            "{\"email\":\"ana@example.ca\",\"timezone\":\"Nowhere\",\"province\":\"ZZ\","
                + "\"postal_code\":\"nope\",\"language\":\"de\"}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(problems(r))
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactlyInAnyOrder("timezone", "province", "postal_code", "language");
    assertThat(contacts()).isZero();
  }

  @Test
  void aGoodSignupStoresTheLocale() {
    Http.Response r =
        t.http.postJson(
            "/webhook/signup",
            "{\"email\":\"luc@example.ca\",\"postal_code\":\"g1r 4p5\",\"language\":\"en\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    Map<String, Object> row =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select timezone, province, postal_code, language from contacts"
                                + " where email = 'luc@example.ca'")
                        .mapToMap()
                        .one());
    assertThat(row)
        .containsEntry("province", "QC")
        .containsEntry("postal_code", "G1R 4P5")
        .containsEntry("language", "en")
        .containsEntry("timezone", null);
  }

  @Test
  void aRepeatedSignupFillsOnlyWhatIsStillUnknown() {
    String email = "noe@example.ca";
    assertThat(t.http.postJson("/webhook/signup", "{\"email\":\"" + email + "\"}").status())
        .isEqualTo(201);
    t.http.postJson(
        "/webhook/signup", "{\"email\":\"" + email + "\",\"language\":\"fr\",\"province\":\"NB\"}");
    t.http.postJson(
        "/webhook/signup", "{\"email\":\"" + email + "\",\"language\":\"en\",\"province\":\"ON\"}");
    Map<String, Object> row =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select province, language from contacts where email = :e")
                        .bind("e", email)
                        .mapToMap()
                        .one());
    assertThat(row).containsEntry("province", "NB").containsEntry("language", "fr");
  }

  private static List<String> problems(Http.Response r) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : r.json().get("problems")) {
      out.add(p.get("field").asText() + ": " + p.get("problem").asText());
    }
    return out;
  }

  private static long contacts() {
    return t.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from contacts where email = 'ana@example.ca'")
                    .mapTo(Long.class)
                    .one());
  }
}
