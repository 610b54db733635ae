package ca.businessx.nurture.email;

import ca.businessx.nurture.platform.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Unsubscribe links: an unguessable, HMAC-signed reference to the contact. Tokens do not expire
 * (CASL asks for at least 60 days) and are the same for every email of a contact, so a retried
 * email carries exactly the same headers.
 */
public final class UnsubscribeLinks {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private static final int SIGNATURE_BYTES = 20;

  private final byte[] key;
  private final String baseUrl;

  public UnsubscribeLinks(byte[] key, String publicBaseUrl) {
    this.key = key.clone();
    this.baseUrl = publicBaseUrl;
  }

  public String token(String contactId) {
    return B64.encodeToString(contactId.getBytes(StandardCharsets.UTF_8))
        + "."
        + B64.encodeToString(sign(contactId));
  }

  public String url(String contactId) {
    return baseUrl + "/unsubscribe/" + token(contactId);
  }

  /** RFC 8058 one-click headers, honoured by Gmail and Yahoo. */
  public Map<String, String> headers(String contactId) {
    return Map.of(
        "List-Unsubscribe",
        "<" + url(contactId) + ">",
        "List-Unsubscribe-Post",
        "List-Unsubscribe=One-Click");
  }

  /** The contact a token refers to, when the token is genuine and unaltered. */
  public Optional<String> contactOf(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > 300) {
      return Optional.empty();
    }
    try {
      String contactId = new String(DECODE.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] given = DECODE.decode(token.substring(dot + 1));
      return Hmac.equal(sign(contactId), given) ? Optional.of(contactId) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String contactId) {
    return Arrays.copyOf(Hmac.sha256(key, "unsubscribe:v1:" + contactId), SIGNATURE_BYTES);
  }
}
