package ca.businessx.nurture.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS: addresses come from headers a client writes,
 * and {@link InetAddress#getByName} would resolve a host name.
 */
public final class IpAddresses {
  private static final Pattern V4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]+");

  private IpAddresses() {}

  /**
   * The address in {@code text}: an IPv4 or IPv6 literal, optionally bracketed or with a port
   * ({@code 203.0.113.9:4711}, {@code [2001:db8::1]:443}); empty for anything else.
   */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      if (end < 0) {
        return Optional.empty();
      }
      s = s.substring(1, end);
    } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.contains(".")) {
      s = s.substring(0, s.indexOf(':')); // IPv4 with a port
    }
    if (!V4.matcher(s).matches() && !(s.contains(":") && V6.matcher(s).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
