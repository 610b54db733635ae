package ca.businessx.nurture.consent;

import ca.businessx.nurture.platform.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The link of a re-subscription confirmation email: an HMAC-signed reference to one request of one
 * contact, signed apart from unsubscribe links so neither can stand for the other.
 */
public final class ResubscribeLinks {
  public record Target(String contactId, String requestId) {}

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private final byte[] key;
  private final String baseUrl;

  public ResubscribeLinks(byte[] key, String publicBaseUrl) {
    this.key = key.clone();
    this.baseUrl = publicBaseUrl;
  }

  public String url(String contactId, String requestId) {
    String payload = contactId + ":" + requestId;
    return baseUrl
        + "/resubscribe/"
        + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + B64.encodeToString(sign(payload));
  }

  public Optional<Target> targetOf(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > 300) {
      return Optional.empty();
    }
    try {
      String payload = new String(DECODE.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      int colon = payload.indexOf(':');
      if (colon <= 0 || !Hmac.equal(sign(payload), DECODE.decode(token.substring(dot + 1)))) {
        return Optional.empty();
      }
      return Optional.of(new Target(payload.substring(0, colon), payload.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    return Arrays.copyOf(Hmac.sha256(key, "resubscribe:v1:" + payload), 20);
  }
}
