package ca.businessx.nurture.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs requests the way the website (HMAC), Resend (Svix), Cal.com and Calendly do, for tests. */
public final class Signing {
  private Signing() {}

  public static String nurture(String secret, long timestamp, String body) {
    return "sha256="
        + HexFormat.of()
            .formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
  }

  public static String svix(String whsec, String id, long timestamp, String body) {
    byte[] key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    return "v1," + Base64.getEncoder().encodeToString(hmac(key, id + "." + timestamp + "." + body));
  }

  /** Cal.com's {@code X-Cal-Signature-256}: hex HMAC-SHA256 of the raw body. */
  public static String calcom(String secret, String body) {
    return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
  }

  /** Calendly's {@code Calendly-Webhook-Signature: t=<unix>,v1=<hex of "<t>." + body>}. */
  public static String calendly(String secret, long timestamp, String body) {
    return "t="
        + timestamp
        + ",v1="
        + HexFormat.of()
            .formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
