package ca.businessx.nurture.admin;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a request comes from this machine itself and from nowhere else: from a loopback socket,
 * through no proxy (a proxy on this machine is loopback too, so its visitors would all look local),
 * and addressed to a loopback name (a DNS-rebinding page reaches us under its own name).
 */
public final class LocalRequest {
  private static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}$");

  private LocalRequest() {}

  public static boolean isLocal(Context ctx) {
    return isLocal(
        ctx.req().getRemoteAddr(),
        Collections.list(ctx.req().getHeaderNames()),
        ctx.header("Host"));
  }

  static boolean isLocal(String remote, Iterable<String> headerNames, String host) {
    if (!loopback(remote)) {
      return false;
    }
    for (String name : headerNames) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.equals("forwarded") || n.equals("x-real-ip") || n.startsWith("x-forwarded-")) {
        return false;
      }
    }
    if (host == null) {
      return false;
    }
    String bare = PORT.matcher(host.trim().toLowerCase(Locale.ROOT)).replaceFirst("");
    return HOSTS.contains(bare);
  }

  private static boolean loopback(String remote) {
    return ca.businessx.nurture.platform.IpAddresses.parse(remote)
        .map(java.net.InetAddress::isLoopbackAddress)
        .orElse(false);
  }
}
