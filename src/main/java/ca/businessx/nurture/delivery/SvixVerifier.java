package ca.businessx.nurture.delivery;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Hmac;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Checks a Resend webhook's Svix signature: {@code base64(HMAC-SHA256(key, id.timestamp.body))}
 * against any {@code v1,} token of the signature header, within five minutes of now. The Standard
 * Webhooks header names are accepted too.
 */
final class SvixVerifier {
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] key;
  private final Clock clock;

  SvixVerifier(String secret, Clock clock) {
    String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    this.key = Base64.getDecoder().decode(encoded);
    if (key.length == 0) {
      throw new IllegalArgumentException("RESEND_WEBHOOK_SECRET is empty");
    }
    this.clock = clock;
  }

  /** Answers the message id after a good signature; refuses anything else with a 400. */
  String verify(Context ctx, byte[] body) {
    String id = header(ctx, "svix-id", "webhook-id");
    String timestamp = header(ctx, "svix-timestamp", "webhook-timestamp");
    String signatures = header(ctx, "svix-signature", "webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      throw refused("missing svix-id, svix-timestamp or svix-signature header");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw refused("svix-timestamp must be Unix seconds");
    }
    long skew = clock.instant().getEpochSecond() - seconds;
    if (skew > TOLERANCE.toSeconds()) {
      throw refused("message timestamp too old");
    }
    if (-skew > TOLERANCE.toSeconds()) {
      throw refused("message timestamp too new");
    }
    byte[] prefix = (id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    byte[] expected = Hmac.sha256(key, signed);
    for (String token : signatures.trim().split(" +")) {
      if (token.startsWith("v1,") && matches(expected, token.substring(3))) {
        return id;
      }
    }
    throw refused("no signature matches");
  }

  private static boolean matches(byte[] expected, String encoded) {
    try {
      return Hmac.equal(expected, Base64.getDecoder().decode(encoded));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String header(Context ctx, String name, String fallback) {
    String value = ctx.header(name);
    return value != null ? value : ctx.header(fallback);
  }

  private static ApiError refused(String reason) {
    return new ApiError(400, "invalid_signature", reason);
  }
}
