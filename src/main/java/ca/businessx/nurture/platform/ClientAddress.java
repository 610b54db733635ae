package ca.businessx.nurture.platform;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who is on the other end of a request. The socket's address, unless that address is one of our own
 * proxies (TRUSTED_PROXIES); then {@code X-Forwarded-For} is read from the right, each trusted
 * proxy having appended the address it saw, and the first address that is not a trusted proxy is
 * the client. Entries further left were written by the client and prove nothing.
 */
public final class ClientAddress {
  /** Loopback, IPv4 and IPv6: a proxy on the same machine. */
  public static final List<Cidr> LOOPBACK =
      List.of(Cidr.parse("127.0.0.0/8").orElseThrow(), Cidr.parse("::1/128").orElseThrow());

  private final List<Cidr> trustedProxies;

  public ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  public String of(Context ctx) {
    List<String> forwarded = new ArrayList<>();
    Collections.list(ctx.req().getHeaders("X-Forwarded-For")).forEach(forwarded::add);
    return resolve(ctx.req().getRemoteAddr(), forwarded);
  }

  /**
   * @param remote the socket's peer address
   * @param forwardedFor every X-Forwarded-For header value, in the order received
   */
  public String resolve(String remote, List<String> forwardedFor) {
    Optional<InetAddress> peer = IpAddresses.parse(remote);
    if (peer.isEmpty() || !trusted(peer.get())) {
      return peer.map(InetAddress::getHostAddress).orElse(remote);
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String entry : header.split(",")) {
        if (!entry.isBlank()) {
          hops.add(entry.trim());
        }
      }
    }
    InetAddress client = peer.get();
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
      if (hop.isEmpty()) {
        break; // not written by a proxy of ours; the last proxy's peer is all we know
      }
      client = hop.get();
      if (!trusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(c -> c.contains(address));
  }
}
