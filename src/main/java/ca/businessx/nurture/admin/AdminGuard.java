package ca.businessx.nurture.admin;

import ca.businessx.nurture.platform.ApiError;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards the admin surface: with ADMIN_TOKEN set, a bearer token compared in constant time; without
 * one, only requests from this machine.
 */
public final class AdminGuard {
  private final Optional<byte[]> token;

  public AdminGuard(Optional<String> adminToken) {
    this.token = adminToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  public void check(Context ctx) {
    if (token.isPresent()) {
      String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
      byte[] given =
          header.startsWith("Bearer ")
              ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8)
              : new byte[0];
      if (!MessageDigest.isEqual(token.get(), given)) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new ApiError(401, "unauthorized", "send Authorization: Bearer <ADMIN_TOKEN>");
      }
      return;
    }
    if (!isLoopback(ctx.req().getRemoteAddr())) {
      throw new ApiError(
          403, "forbidden", "the admin API answers only this machine until ADMIN_TOKEN is set");
    }
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
