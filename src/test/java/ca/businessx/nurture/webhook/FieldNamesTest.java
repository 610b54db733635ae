package ca.businessx.nurture.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
  static final List<String> SIGNUP =
      List.of("email", "name", "first_name", "business_name", "consent", "consent_text", "form_id");

  @Test
  void otherSpellingsOfAKnownNameAreCaught() {
    assertThat(FieldNames.suggest("firstName", SIGNUP)).hasValue("first_name");
    assertThat(FieldNames.suggest("FirstName", SIGNUP)).hasValue("first_name");
    assertThat(FieldNames.suggest("first-name", SIGNUP)).hasValue("first_name");
    assertThat(FieldNames.suggest("First Name", SIGNUP)).hasValue("first_name");
    assertThat(FieldNames.suggest("businessName", SIGNUP)).hasValue("business_name");
    assertThat(FieldNames.suggest("Email", SIGNUP)).hasValue("email");
  }

  @Test
  void typosWithinTwoEditsAreCaught() {
    assertThat(FieldNames.suggest("nmae", SIGNUP)).as("a swap is one edit").hasValue("name");
    assertThat(FieldNames.suggest("emial", SIGNUP)).hasValue("email");
    assertThat(FieldNames.suggest("frist_nam", SIGNUP)).hasValue("first_name");
    assertThat(FieldNames.suggest("busines_nme", SIGNUP)).hasValue("business_name");
    assertThat(FieldNames.suggest("concent", SIGNUP)).hasValue("consent");
  }

  @Test
  void hiddenFieldsAndFarNamesAreNotTypos() {
    for (String hidden :
        List.of(
            "utm_source",
            "utm_campaign",
            "utm_medium",
            "referrer",
            "page",
            "date",
            "type",
            "phone",
            "gclid",
            "g-recaptcha-response",
            "red_systems")) {
      assertThat(FieldNames.suggest(hidden, SIGNUP)).as(hidden).isEmpty();
    }
  }

  @Test
  void aKnownNameOrOneWithoutLettersSuggestsNothing() {
    assertThat(FieldNames.suggest("first_name", SIGNUP)).isEmpty();
    assertThat(FieldNames.suggest("__", SIGNUP)).isEmpty();
    assertThat(FieldNames.suggest("", SIGNUP)).isEmpty();
  }

  @Test
  void theClosestKnownNameWins() {
    assertThat(FieldNames.suggest("consent_txt", SIGNUP)).hasValue("consent_text");
  }

  @Test
  void distanceStopsCountingPastItsLimit() {
    assertThat(FieldNames.distance("abc", "abc", 2)).isZero();
    assertThat(FieldNames.distance("ab", "ba", 2)).isEqualTo(1);
    assertThat(FieldNames.distance("a".repeat(5000), "name", 2)).isEqualTo(3);
  }
}
