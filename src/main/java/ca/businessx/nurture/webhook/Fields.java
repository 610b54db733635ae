package ca.businessx.nurture.webhook;

import ca.businessx.nurture.calendar.Province;
import ca.businessx.nurture.contact.Language;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.platform.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed, bounded reads of webhook fields that collect every problem, so one answer names them all.
 * Numbers may come as JSON numbers or as digits in a string (HTML forms only send strings).
 */
public final class Fields {
  /** The WHATWG rule browsers apply to {@code <input type=email>}, plus a dot in the domain. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
              + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$");

  /**
   * IANA region zones by their lower-cased name, so {@code america/vancouver} reads as the real
   * one; offsets and abbreviations ({@code +05:00}, {@code EST}) are not a place and are refused.
   */
  private static final Map<String, String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
          .collect(
              Collectors.toUnmodifiableMap(z -> z.toLowerCase(Locale.ROOT), Function.identity()));

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]");
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  static final int MAX_OTHERS = 20;

  private final ObjectNode body;
  private final List<ApiError.Problem> problems = new ArrayList<>();
  private final Set<String> read = new LinkedHashSet<>();

  public Fields(ObjectNode body) {
    this.body = body;
  }

  public String email(String name) {
    JsonNode node = get(name);
    if (absent(node)) {
      problems.add(new ApiError.Problem(name, "is required"));
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new ApiError.Problem(name, "must be a string"));
      return null;
    }
    String email = node.asText().trim().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      problems.add(new ApiError.Problem(name, "is not a valid email address"));
      return null;
    }
    return email;
  }

  /** Optional text: absent, null or blank reads as null. */
  public String text(String name, int maxLength) {
    JsonNode node = get(name);
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new ApiError.Problem(name, "must be a string"));
      return null;
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      problems.add(new ApiError.Problem(name, "must be at most " + maxLength + " characters"));
      return null;
    }
    if (CONTROL.matcher(value).find()) {
      problems.add(new ApiError.Problem(name, "must not contain control characters"));
      return null;
    }
    return value;
  }

  /**
   * The optional {@code timezone}, {@code province}, {@code postal_code} and {@code language}; a
   * postal code stands in for a missing province. A province that disagrees with the postal code is
   * kept as given: the lead said where it is, a mistyped postal code should not move it.
   */
  public LeadLocale locale() {
    String tz = text("timezone", 64);
    ZoneId zone = null;
    if (tz != null) {
      String id = ZONES.get(tz.toLowerCase(Locale.ROOT));
      if (id == null) {
        problems.add(
            new ApiError.Problem("timezone", "is not an IANA time zone such as America/Toronto"));
      } else {
        zone = ZoneId.of(id);
      }
    }
    Province province =
        known(
            "province",
            50,
            Province::ofCode,
            "is not a Canadian province or territory code such as QC");
    String postal = text("postal_code", 10);
    Province byPostal = null;
    if (postal != null) {
      byPostal = Province.ofPostalCode(postal).orElse(null);
      if (byPostal == null) {
        problems.add(
            new ApiError.Problem("postal_code", "is not a Canadian postal code such as H2X 1Y4"));
        postal = null;
      } else {
        String compact = postal.replace(" ", "").toUpperCase(Locale.ROOT);
        postal = compact.substring(0, 3) + " " + compact.substring(3);
      }
    }
    Language language = known("language", 10, Language::ofCode, "must be en or fr");
    return new LeadLocale(zone, province != null ? province : byPostal, postal, language);
  }

  private <T> T known(
      String name, int maxLength, Function<String, java.util.Optional<T>> parse, String problem) {
    String value = text(name, maxLength);
    if (value == null) {
      return null;
    }
    T parsed = parse.apply(value).orElse(null);
    if (parsed == null) {
      problems.add(new ApiError.Problem(name, problem));
    }
    return parsed;
  }

  /** A checkbox or boolean: true, "true", "on", "yes" or "1" mean yes; absent means no. */
  boolean flag(String name) {
    JsonNode node = get(name);
    if (absent(node)) {
      return false;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isTextual() || node.isNumber()) {
      String v = node.asText().trim().toLowerCase(Locale.ROOT);
      if (List.of("true", "on", "yes", "1").contains(v)) {
        return true;
      }
      if (List.of("false", "off", "no", "0").contains(v)) {
        return false;
      }
    }
    problems.add(new ApiError.Problem(name, "must be true or false"));
    return false;
  }

  public int count(String name, int max) {
    BigDecimal value = number(name, true);
    if (value == null) {
      return 0;
    }
    if (value.stripTrailingZeros().scale() > 0) {
      problems.add(new ApiError.Problem(name, "must be a whole number"));
      return 0;
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(new ApiError.Problem(name, "must be between 0 and " + max));
      return 0;
    }
    return value.intValueExact();
  }

  public Double score(String name, double max) {
    BigDecimal value = number(name, false);
    if (value == null) {
      return null;
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(new ApiError.Problem(name, "must be between 0 and " + (int) max));
      return null;
    }
    return value.doubleValue();
  }

  private BigDecimal number(String name, boolean required) {
    JsonNode node = get(name);
    if (absent(node)) {
      if (required) {
        problems.add(new ApiError.Problem(name, "is required"));
      }
      return null;
    }
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      problems.add(new ApiError.Problem(name, "is too large"));
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual() && node.asText().trim().matches("-?\\d{1,9}(\\.\\d{1,6})?")) {
      return new BigDecimal(node.asText().trim());
    }
    problems.add(new ApiError.Problem(name, "must be a number"));
    return null;
  }

  /** The field, remembered as known: {@link #others} is what no handler asked for. */
  private JsonNode get(String name) {
    read.add(name);
    return body.get(name);
  }

  /**
   * Read last: the fields no handler asked for. One that is another spelling of a known field is a
   * problem naming the expected one; the others (a form's hidden {@code utm_source}, {@code
   * referrer}) are kept as the contact's attributes, at most {@value #MAX_OTHERS}, each a short
   * scalar with a plain name. Anything else (a reCAPTCHA token, an object) is left out, never
   * refused: a form's extra fields are not the lead's mistake.
   */
  public Map<String, String> others() {
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String name = e.getKey();
      if (read.contains(name)) {
        continue;
      }
      Optional<String> meant = FieldNames.suggest(name, read);
      if (meant.isPresent()) {
        problems.add(new ApiError.Problem(name, "is not a field; did you mean " + meant.get()));
        continue;
      }
      JsonNode v = e.getValue();
      String value = v.isValueNode() && !v.isNull() ? v.asText().strip() : "";
      if (kept.size() < MAX_OTHERS
          && ATTRIBUTE_NAME.matcher(name).matches()
          && !value.isEmpty()
          && value.length() <= 500
          && !CONTROL.matcher(value).find()) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || (node.isTextual() && node.asText().isBlank());
  }

  public void throwIfInvalid() {
    if (!problems.isEmpty()) {
      throw new ApiError(422, "invalid_fields", "the request has invalid fields", problems);
    }
  }
}
