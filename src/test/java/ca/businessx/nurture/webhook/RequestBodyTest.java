package ca.businessx.nurture.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.platform.ApiError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
  static final String FORM = "application/x-www-form-urlencoded";

  @Test
  void jsonSentAsAFormIsNamedAsSuch() {
    // What `curl -d '{...}'` sends without -H 'Content-Type: application/json'.
    for (String body : new String[] {"{\"email\":\"ana@example.ca\"}", "  [1,2]\n"}) {
      ApiError e =
          catchThrowableOfType(
              ApiError.class, () -> RequestBody.parse(FORM, body.getBytes(StandardCharsets.UTF_8)));
      assertThat(e).as(body).isNotNull();
      assertThat(e.status()).isEqualTo(415);
      assertThat(e.code()).isEqualTo("json_sent_as_form");
      assertThat(e.getMessage()).contains("looks like JSON", "Content-Type: application/json");
    }
  }

  @Test
  void aRealFormStillParses() {
    assertThat(
            RequestBody.parse(FORM, "email=ana%40example.ca&first_name=Ana".getBytes())
                .get("email")
                .asText())
        .isEqualTo("ana@example.ca");
    assertThat(RequestBody.parse(FORM, "note=%7Bnot+json".getBytes()).get("note").asText())
        .isEqualTo("{not json");
  }
}
