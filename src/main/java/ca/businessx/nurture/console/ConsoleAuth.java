package ca.businessx.nurture.console;

import ca.businessx.nurture.admin.AdminGuard;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Hmac;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may use the console. With ADMIN_TOKEN set: a session cookie (expiry and the session epoch,
 * with an HMAC of both keyed by the token, so every node can check it) or the bearer header. The
 * epoch lives in the database ({@link SessionEpoch}): logging out, or starting with another token,
 * moves it on and every earlier cookie stops working. Without a token: this machine only, as for
 * the API. Every form post carries a CSRF token, an HMAC of the session, and must not come from
 * another origin.
 */
final class ConsoleAuth {
  static final String COOKIE = "nurture_session";
  static final Duration SESSION_LIFE = Duration.ofHours(12);

  private final AdminGuard guard;
  private final Optional<byte[]> token;
  private final byte[] csrfKey;
  private final Clock clock;
  private final SessionEpoch epoch;

  ConsoleAuth(AdminGuard guard, Optional<String> adminToken, Clock clock, SessionEpoch epoch) {
    this.guard = guard;
    this.token = adminToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
    this.epoch = epoch;
    token.ifPresent(t -> epoch.begin(b64(Hmac.sha256(t, "session-epoch-fingerprint"))));
    // Derived from the token when there is one, so all nodes agree; loopback-only mode is one node.
    this.csrfKey =
        token
            .map(t -> Hmac.sha256(t, "csrf-key"))
            .orElseGet(
                () -> {
                  byte[] random = new byte[32];
                  new SecureRandom().nextBytes(random);
                  return random;
                });
  }

  boolean usesLogin() {
    return token.isPresent();
  }

  /**
   * Before every console page: a valid session, the bearer token, or loopback when no token is set.
   */
  void require(Context ctx) {
    if (ctx.path().equals("/console/login") || hasSession(ctx)) {
      return;
    }
    try {
      guard.check(ctx);
    } catch (ApiError refused) {
      if (usesLogin() && ctx.method() == HandlerType.GET) {
        ctx.redirect("/console/login");
        ctx.skipRemainingHandlers();
        return;
      }
      throw refused;
    }
  }

  boolean hasSession(Context ctx) {
    String value = ctx.cookie(COOKIE);
    if (token.isEmpty() || value == null) {
      return false;
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    long expiry;
    long sessionEpoch;
    try {
      expiry = Long.parseLong(parts[0]);
      sessionEpoch = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    if (expiry < clock.instant().getEpochSecond()
        || !MessageDigest.isEqual(
            session(parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII),
            value.getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    return sessionEpoch == epoch.current();
  }

  /**
   * Answers whether the submitted token is right, and if so sets the session cookie; a client that
   * keeps guessing gets 429 (see {@link AdminGuard#attempt}).
   */
  boolean logIn(Context ctx, String submitted) {
    if (token.isEmpty()
        || !guard.attempt(ctx, "login", submitted == null ? null : submitted.trim())) {
      return false;
    }
    String expiry = Long.toString(clock.instant().plus(SESSION_LIFE).getEpochSecond());
    String value = session(expiry, Long.toString(epoch.current()));
    ctx.res().addHeader("Set-Cookie", cookie(value, SESSION_LIFE.toSeconds(), secure(ctx)));
    return true;
  }

  /** Ends every console session, on every node, and clears this browser's cookie. */
  void logOut(Context ctx) {
    if (hasSession(ctx)) {
      epoch.advance();
    }
    ctx.res().addHeader("Set-Cookie", cookie("", 0, secure(ctx)));
  }

  String csrfToken(Context ctx) {
    return b64(Hmac.sha256(csrfKey, "csrf|" + Optional.ofNullable(ctx.cookie(COOKIE)).orElse("")));
  }

  /** Refuses a form post without this session's CSRF token, or sent from another site. */
  void checkPost(Context ctx) {
    String given = Optional.ofNullable(ctx.formParam("csrf")).orElse("");
    if (!MessageDigest.isEqual(
        csrfToken(ctx).getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiError(
          403, "csrf", "the form is stale or was not sent from this console; reload the page");
    }
    checkOrigin(ctx);
  }

  /**
   * Browsers send Origin on every cross-site POST; a foreign one is refused, so a web page open on
   * the operator's machine cannot drive the loopback-only API.
   */
  static void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return; // not a browser, or an old one; the session and CSRF token still apply
    }
    try {
      URI uri = URI.create(origin);
      String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      if (host.equalsIgnoreCase(ctx.host())) {
        return;
      }
    } catch (IllegalArgumentException malformed) {
      // refused below
    }
    throw new ApiError(403, "cross_origin", "requests from another site are refused");
  }

  private String session(String expiry, String sessionEpoch) {
    String signed = expiry + "." + sessionEpoch;
    return signed + "." + b64(Hmac.sha256(token.orElseThrow(), "session|" + signed));
  }

  private static String cookie(String value, long maxAge, boolean secure) {
    return COOKIE
        + "="
        + value
        + "; Path=/console; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  private static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
