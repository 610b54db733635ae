package ca.businessx.nurture.platform;

import java.net.InetAddress;
import java.util.Optional;

/** A block of IP addresses such as {@code 10.0.0.0/8} or {@code ::1/128}. */
public record Cidr(byte[] network, int prefix) {

  /** {@code a.b.c.d/n}, {@code v6/n}, or a bare address (a block of one); empty when malformed. */
  public static Optional<Cidr> parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? s : s.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = address.get().getAddress();
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Cidr(bytes, prefix));
  }

  public boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    if (other.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((other[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (java.net.UnknownHostException e) {
      return "invalid/" + prefix;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(network) * 31 + prefix;
  }
}
