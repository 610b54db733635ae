package ca.businessx.nurture.email.resend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The body rules of providers.md §2.1 and §2.2 that the fake enforces, one problem at a time. */
final class FakeResendValidation {
  static final int MAX_RECIPIENTS = 50;
  static final int MAX_BATCH = 100;
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@([^@\\s<>]+\\.[^@\\s<>]+)");
  private static final Pattern NAMED = Pattern.compile(".*<([^<>]+)>\\s*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  record Problem(int status, String name, String message) {}

  private final Set<String> verifiedDomains;

  FakeResendValidation(Set<String> verifiedDomains) {
    this.verifiedDomains = verifiedDomains;
  }

  /** Rules for the batch array itself; item rules come from {@link #email}. */
  Problem batch(JsonNode body) {
    if (!body.isArray() || body.isEmpty()) {
      return new Problem(422, "validation_error", "The batch must be a non-empty array.");
    }
    if (body.size() > MAX_BATCH) {
      return new Problem(422, "validation_error", "Too many emails in the batch (max 100).");
    }
    for (JsonNode item : body) {
      if (item.has("attachments") || item.has("scheduled_at")) {
        return new Problem(
            422, "validation_error", "Attachments and scheduled_at are not supported in batch.");
      }
    }
    return null;
  }

  Problem email(JsonNode email) {
    if (!email.isObject()) {
      return new Problem(422, "validation_error", "An email must be an object.");
    }
    for (String field : List.of("from", "to", "subject")) {
      if (email.path(field).asText("").isBlank() && !email.path(field).isArray()) {
        return new Problem(422, "missing_required_field", "Missing `" + field + "` field.");
      }
    }
    if (!email.hasNonNull("html") && !email.hasNonNull("text")) {
      return new Problem(422, "missing_required_field", "Missing `html` or `text` field.");
    }
    Matcher from = ADDRESS.matcher(unwrap(email.path("from").asText()));
    if (!from.matches()) {
      return new Problem(422, "invalid_from_address", "Invalid `from` field.");
    }
    if (!verifiedDomains.contains(from.group(1).toLowerCase())) {
      return new Problem(
          403, "validation_error", "The " + from.group(1) + " domain is not verified.");
    }
    List<String> to = recipients(email.path("to"));
    if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
      return new Problem(422, "validation_error", "`to` takes 1 to 50 recipients.");
    }
    for (String address : to) {
      if (!ADDRESS.matcher(unwrap(address)).matches()) {
        // Echoes the address back, as SMTP-style errors often do, so the adapter's redaction is
        // tested.
        return new Problem(
            422, "validation_error", "Invalid `to` field: " + address + " is not an address.");
      }
    }
    for (JsonNode tag : email.path("tags")) {
      if (!TAG.matcher(tag.path("name").asText()).matches()
          || !TAG.matcher(tag.path("value").asText()).matches()) {
        return new Problem(
            422, "validation_error", "Tags allow ASCII letters, numbers, _ and - only.");
      }
    }
    return null;
  }

  static List<String> recipients(JsonNode to) {
    List<String> all = new ArrayList<>();
    if (to.isArray()) {
      to.forEach(node -> all.add(node.asText()));
    } else if (to.isTextual()) {
      all.add(to.asText());
    }
    return all;
  }

  private static String unwrap(String address) {
    Matcher named = NAMED.matcher(address);
    return named.matches() ? named.group(1).strip() : address.strip();
  }
}
