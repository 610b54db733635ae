package ca.businessx.nurture.email.resend;

import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.smtp.HtmlText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds Resend request bodies and idempotency keys. The same email always yields the same bytes,
 * so a retry is recognised by Resend as the same payload rather than a conflicting one.
 */
final class ResendRequests {
  /** Lets the provider's records (and test fakes) tell which of our emails a message was. */
  static final String KEY_HEADER = "X-Nurture-Idempotency-Key";

  private static final java.util.regex.Pattern TAG_JUNK =
      java.util.regex.Pattern.compile("[^A-Za-z0-9_-]");

  private static final int MAX_KEY_LENGTH = 256;
  private final ObjectMapper json;
  private final String from;
  private final String replyTo;

  ResendRequests(ObjectMapper json, String from, String replyTo) {
    this.json = json;
    this.from = from;
    this.replyTo = replyTo;
  }

  ObjectNode email(OutboundEmail email) {
    ObjectNode body = json.createObjectNode();
    body.put("from", from);
    body.putArray("to").add(email.to());
    body.put("subject", email.subject());
    body.put("html", email.html());
    // The same plain-text part SMTP sends: some readers show only text, and spam filters
    // distrust an HTML-only email.
    body.put("text", email.text() != null ? email.text() : HtmlText.from(email.html()));
    if (replyTo != null && !replyTo.isBlank()) {
      body.put("reply_to", replyTo);
    }
    ObjectNode headers = body.putObject("headers");
    new TreeMap<>(email.headers()).forEach(headers::put);
    headers.put(KEY_HEADER, email.idempotencyKey());
    if (email.templateKey() != null && !email.templateKey().isBlank()) {
      ObjectNode tag = body.putArray("tags").addObject();
      tag.put("name", "template");
      tag.put("value", tagValue(email.templateKey()));
    }
    return body;
  }

  /** The email's own key when Resend accepts it as a header value, else a digest of it. */
  static String singleKey(OutboundEmail email) {
    String key = email.idempotencyKey();
    boolean usable =
        !key.isEmpty()
            && key.length() <= MAX_KEY_LENGTH
            && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    return usable ? key : "key-" + sha256(key);
  }

  /** One key per batch, fixed by its members whatever their order: a retried batch replays. */
  static String batchKey(List<OutboundEmail> emails) {
    String members =
        String.join("\n", emails.stream().map(OutboundEmail::idempotencyKey).sorted().toList());
    return "batch-" + sha256(members);
  }

  /** Tag values allow ASCII letters, digits, underscore and dash only. */
  static String tagValue(String raw) {
    String cleaned = TAG_JUNK.matcher(raw).replaceAll("_");
    return cleaned.length() <= MAX_KEY_LENGTH ? cleaned : cleaned.substring(0, MAX_KEY_LENGTH);
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
