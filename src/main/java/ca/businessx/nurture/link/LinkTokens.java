package ca.businessx.nurture.link;

import ca.businessx.nurture.platform.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The token of a tracked link: the {@link LinkTarget} itself, base64url, then an HMAC of it with
 * the service's signing key (the one that signs unsubscribe links, under its own label). The
 * destination travels inside the signed part, so a token changed by one character leads nowhere:
 * nothing about where a click goes is read from outside the signature.
 */
public final class LinkTokens {
  static final int MAX_TOKEN = 4096;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private static final int SIGNATURE_BYTES = 20;

  private final byte[] key;

  public LinkTokens(byte[] key) {
    this.key = key.clone();
  }

  public String token(LinkTarget t) {
    String payload = t.emailKey() + "\n" + t.name() + "\n" + t.destination();
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(bytes) + "." + B64.encodeToString(sign(bytes));
  }

  /** The target of a genuine, unaltered token. */
  public Optional<LinkTarget> verify(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > MAX_TOKEN) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODE.decode(token.substring(0, dot));
      byte[] given = DECODE.decode(token.substring(dot + 1));
      // Only the one canonical spelling: base64 leaves a few spare bits in a last character.
      boolean canonical =
          (B64.encodeToString(payload) + "." + B64.encodeToString(given)).equals(token);
      if (!Hmac.equal(sign(payload), given) || !canonical) {
        return Optional.empty();
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", 3);
      return parts.length == 3
          ? Optional.of(new LinkTarget(parts[0], parts[1], parts[2]))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(byte[] payload) {
    byte[] label = "link:v1:".getBytes(StandardCharsets.UTF_8);
    byte[] message = Arrays.copyOf(label, label.length + payload.length);
    System.arraycopy(payload, 0, message, label.length, payload.length);
    return Arrays.copyOf(Hmac.sha256(key, message), SIGNATURE_BYTES);
  }
}
