package ca.businessx.nurture.admin;

import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.ClientAddress;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * Guards the admin surface: with ADMIN_TOKEN set, a bearer token compared in constant time, with
 * wrong guesses throttled per client ({@link AuthThrottle}); without one, only requests that {@link
 * LocalRequest} finds to come from this machine itself.
 */
public final class AdminGuard {
  static final String SET_A_TOKEN =
      "admin routes answer only this machine, directly, until ADMIN_TOKEN is set; set ADMIN_TOKEN"
          + " (e.g. openssl rand -hex 32) and send Authorization: Bearer <token>";

  private final Optional<byte[]> token;
  private final ClientAddress clients;
  private final AuthThrottle throttle;
  private final NurtureEvents events;

  public AdminGuard(
      Optional<String> adminToken,
      ClientAddress clients,
      AuthThrottle throttle,
      NurtureEvents events) {
    this.token = adminToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
    this.clients = clients;
    this.throttle = throttle;
    this.events = events;
  }

  public void check(Context ctx) {
    if (token.isEmpty()) {
      if (!LocalRequest.isLocal(ctx)) {
        throw new ApiError(403, "forbidden", SET_A_TOKEN);
      }
      return;
    }
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    if (!header.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, "unauthorized", "send Authorization: Bearer <ADMIN_TOKEN>");
    }
    if (!attempt(ctx, "api", header.substring(7).trim())) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(
          401, "unauthorized", "wrong token; send Authorization: Bearer <ADMIN_TOKEN>");
    }
  }

  /**
   * One try of a token from this request's client: refused with 429 while the client is locked out;
   * a wrong token is counted against it.
   *
   * @param surface where the token was given (api, login), for the metrics
   * @return whether the token is right
   */
  public boolean attempt(Context ctx, String surface, String given) {
    String client = clients.of(ctx);
    Optional<Duration> wait = throttle.wait(client);
    if (wait.isPresent()) {
      events.adminAuthThrottled(surface);
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ApiError(
          429,
          "too_many_attempts",
          "too many wrong tokens from this address; try again in " + seconds + " s");
    }
    boolean right =
        token.isPresent()
            && given != null
            && MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8));
    if (right) {
      throttle.succeeded(client);
    } else {
      throttle.failed(client);
      events.adminAuthFailed(surface);
    }
    return right;
  }
}
