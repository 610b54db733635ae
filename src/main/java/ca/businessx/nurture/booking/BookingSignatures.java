package ca.businessx.nurture.booking;

import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** Checks that a booking webhook comes from the calendar it claims, over the raw body bytes. */
final class BookingSignatures {
  /** Calendly's advice: refuse events signed more than about three minutes ago. */
  static final Duration CALENDLY_TOLERANCE = Duration.ofMinutes(3);

  /** A little clock skew the other way, never minutes. */
  static final Duration AHEAD_TOLERANCE = Duration.ofSeconds(30);

  private BookingSignatures() {}

  /** {@code X-Cal-Signature-256}: lowercase hex HMAC-SHA256 of the raw body. */
  static void calcom(byte[] secret, String header, byte[] raw) {
    if (header == null || header.isBlank()) {
      throw refused("missing X-Cal-Signature-256 header");
    }
    if (!Hmac.equal(Hmac.sha256(secret, raw), hex(header.trim(), "X-Cal-Signature-256"))) {
      throw refused("X-Cal-Signature-256 does not match the body; check CALCOM_WEBHOOK_SECRET");
    }
  }

  /** {@code Calendly-Webhook-Signature: t=<unix>,v1=<hex>} over {@code "<t>." + raw body}. */
  static void calendly(byte[] secret, String header, byte[] raw, Clock clock) {
    if (header == null || header.isBlank()) {
      throw refused("missing Calendly-Webhook-Signature header");
    }
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        t = kv[1].trim();
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1].trim();
      }
    }
    if (t == null || v1 == null) {
      throw refused("Calendly-Webhook-Signature must look like t=<unix seconds>,v1=<hex>");
    }
    long seconds;
    try {
      seconds = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw refused("the t= of Calendly-Webhook-Signature must be Unix seconds");
    }
    long age = clock.instant().getEpochSecond() - seconds;
    if (age > CALENDLY_TOLERANCE.toSeconds() || -age > AHEAD_TOLERANCE.toSeconds()) {
      throw refused("Calendly-Webhook-Signature is stale (signed over 3 minutes ago) or ahead");
    }
    byte[] signed = (t + ".").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[signed.length + raw.length];
    System.arraycopy(signed, 0, message, 0, signed.length);
    System.arraycopy(raw, 0, message, signed.length, raw.length);
    if (!Hmac.equal(Hmac.sha256(secret, message), hex(v1, "v1"))) {
      throw refused(
          "Calendly-Webhook-Signature does not match the body; check CALENDLY_WEBHOOK_SECRET");
    }
  }

  private static byte[] hex(String value, String what) {
    try {
      return HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      throw refused(what + " is not hex");
    }
  }

  private static ApiError refused(String reason) {
    return new ApiError(401, "invalid_signature", reason);
  }
}
