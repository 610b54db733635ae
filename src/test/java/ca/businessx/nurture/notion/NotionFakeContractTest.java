package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake refuses what Notion refuses, so the client tests mean something. */
class NotionFakeContractTest {
  @RegisterExtension final FakeNotion fake = FakeNotion.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void requiresTokenAndVersion() throws Exception {
    assertError(
        call("GET", "/v1/databases/" + fake.contacts.id, "Bearer nope", FakeNotion.V2025, null),
        401,
        "unauthorized");
    assertError(
        call("GET", "/v1/databases/" + fake.contacts.id, "Bearer " + FakeNotion.TOKEN, null, null),
        400,
        "missing_version");
  }

  @Test
  void eachVersionHasItsOwnEndpoints() throws Exception {
    assertError(
        ok("GET", "/v1/data_sources/" + fake.contacts.dataSourceId, FakeNotion.V2022, null),
        400,
        "invalid_request_url");
    assertError(
        ok("POST", "/v1/databases/" + fake.contacts.id + "/query", FakeNotion.V2025, "{}"),
        400,
        "invalid_request_url");
    assertError(
        ok(
            "POST",
            "/v1/pages",
            FakeNotion.V2022,
            "{\"parent\":{\"data_source_id\":\""
                + fake.contacts.dataSourceId
                + "\"},\"properties\":{}}"),
        400,
        "validation_error");
    assertThat(
            ok("POST", "/v1/databases/" + fake.contacts.id + "/query", FakeNotion.V2022, "{}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void validatesPropertyValuesAndPageSize() throws Exception {
    String parent =
        "{\"parent\":{\"data_source_id\":\"" + fake.contacts.dataSourceId + "\"},\"properties\":";
    String longText = "x".repeat(2001);
    assertError(
        ok("POST", "/v1/pages", FakeNotion.V2025, parent + "{\"Nope\":{\"number\":1}}}"),
        400,
        "validation_error",
        "Nope is not a property that exists");
    assertError(
        ok("POST", "/v1/pages", FakeNotion.V2025, parent + "{\"Email\":{\"rich_text\":[]}}}"),
        400,
        "validation_error",
        "Email.email should be defined");
    assertError(
        ok(
            "POST",
            "/v1/pages",
            FakeNotion.V2025,
            parent
                + "{\"Last Email\":{\"rich_text\":[{\"text\":{\"content\":\""
                + longText
                + "\"}}]}}}"),
        400,
        "validation_error",
        "should be ≤ `2000`");
    assertError(
        ok(
            "POST",
            "/v1/pages",
            FakeNotion.V2025,
            parent + "{\"Email\":{\"email\":\"" + "a".repeat(200) + "@x.ca\"}}}"),
        400,
        "validation_error",
        "`200`");
    assertError(
        ok(
            "POST",
            "/v1/data_sources/" + fake.contacts.dataSourceId + "/query",
            FakeNotion.V2025,
            "{\"page_size\":101}"),
        400,
        "validation_error",
        "page_size");
    assertThat(fake.data.pages(fake.contacts)).isEmpty();
  }

  private HttpResponse<String> ok(String method, String path, String version, String body)
      throws Exception {
    return call(method, path, "Bearer " + FakeNotion.TOKEN, version, body);
  }

  private HttpResponse<String> call(
      String method, String path, String auth, String version, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fake.url() + path))
            .header("Authorization", auth)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (version != null) {
      b.header("Notion-Version", version);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(
      HttpResponse<String> res, int status, String code, String... inMessage) throws Exception {
    JsonNode body = FakeNotionData.JSON.readTree(res.body());
    assertThat(res.statusCode()).isEqualTo(status);
    assertThat(body.path("object").asText()).isEqualTo("error");
    assertThat(body.path("code").asText()).isEqualTo(code);
    for (String part : inMessage) {
      assertThat(body.path("message").asText()).contains(part);
    }
  }
}
