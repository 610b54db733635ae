package ca.businessx.nurture.webhook;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Hmac;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Only the website may enroll leads: with WEBHOOK_SECRET set, a lead webhook must carry {@code
 * X-Nurture-Timestamp} (Unix seconds) and {@code X-Nurture-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of {@code "<timestamp>.<raw body>"}, made at most five minutes ago and at most 30 s
 * ahead of this server's clock, and not accepted before ({@link SeenSignatures}).
 */
public final class WebhookSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  static final Duration AHEAD = Duration.ofSeconds(30);

  private final Optional<byte[]> secret;
  private final Clock clock;
  private final SeenSignatures seen;

  public WebhookSignature(Optional<String> secret, Clock clock, Database db) {
    this.secret = secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
    this.seen = new SeenSignatures(db, clock);
  }

  public boolean required() {
    return secret.isPresent();
  }

  /**
   * Refuses the request unless it is signed, fresh and new.
   *
   * @return the claimed signature's key, to {@link #release} should the request then fail on our
   *     side; empty when no signature is required
   */
  public Optional<String> verify(Context ctx, byte[] raw) {
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    String timestamp = ctx.header("X-Nurture-Timestamp");
    String signature = ctx.header("X-Nurture-Signature");
    if (timestamp == null || signature == null) {
      throw refused("missing X-Nurture-Timestamp or X-Nurture-Signature header");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw refused("X-Nurture-Timestamp must be Unix seconds");
    }
    long age = clock.instant().getEpochSecond() - seconds;
    if (age > TOLERANCE.toSeconds()) {
      throw refused(
          "X-Nurture-Timestamp is more than 5 minutes from now; sign each request when sending it");
    }
    if (-age > AHEAD.toSeconds()) {
      throw refused(
          "X-Nurture-Timestamp is more than 30 s ahead of this server's clock; check the sender's"
              + " clock");
    }
    if (!signature.startsWith("sha256=")) {
      throw refused("X-Nurture-Signature must look like sha256=<hex>");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.substring("sha256=".length()).trim());
    } catch (IllegalArgumentException e) {
      throw refused("X-Nurture-Signature is not hex");
    }
    byte[] signed = (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[signed.length + raw.length];
    System.arraycopy(signed, 0, message, 0, signed.length);
    System.arraycopy(raw, 0, message, signed.length, raw.length);
    if (!Hmac.equal(Hmac.sha256(secret.get(), message), given)) {
      throw refused(
          "signature does not match the body; check WEBHOOK_SECRET and sign the raw body");
    }
    String key = HexFormat.of().formatHex(given);
    if (!seen.claim(key, Instant.ofEpochSecond(seconds).plus(TOLERANCE).plusSeconds(1))) {
      throw new ApiError(
          401,
          "replayed_signature",
          "this signed request was already accepted; sign each request afresh when sending it");
    }
    return Optional.of(key);
  }

  /** Lets a claimed signature be used again, after its request failed on our side (5xx). */
  public void release(String key) {
    seen.release(key);
  }

  private static ApiError refused(String reason) {
    return new ApiError(401, "invalid_signature", reason);
  }
}
