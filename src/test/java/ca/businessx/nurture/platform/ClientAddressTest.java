package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client is the rightmost address our own proxies did not write; the rest is hearsay. */
class ClientAddressTest {
  final ClientAddress loopbackProxy = new ClientAddress(ClientAddress.LOOPBACK);

  @Test
  void aDirectClientIsTheSocketAndItsHeaderIsIgnored() {
    assertThat(loopbackProxy.resolve("198.51.100.7", List.of("203.0.113.9")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void behindATrustedProxyTheRightmostUntrustedEntryIsTheClient() {
    assertThat(loopbackProxy.resolve("127.0.0.1", List.of("203.0.113.9, 198.51.100.7")))
        .as("the leftmost entry was written by the client; the proxy appended the rightmost")
        .isEqualTo("198.51.100.7");
    assertThat(loopbackProxy.resolve("127.0.0.1", List.of("203.0.113.9", "198.51.100.7")))
        .as("several header lines read as one list")
        .isEqualTo("198.51.100.7");
  }

  @Test
  void aChainOfTrustedProxiesIsSkipped() {
    ClientAddress lan =
        new ClientAddress(
            List.of(Cidr.parse("10.0.0.0/8").orElseThrow(), ClientAddress.LOOPBACK.get(0)));
    assertThat(lan.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.7, 10.9.9.9")))
        .isEqualTo("198.51.100.7");
    assertThat(lan.resolve("10.1.2.3", List.of("10.9.9.9"))).isEqualTo("10.9.9.9");
    assertThat(lan.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
  }

  @Test
  void garbageAndHostNamesAreNeverTheClientNorLookedUp() {
    assertThat(loopbackProxy.resolve("127.0.0.1", List.of("198.51.100.7, evil.example")))
        .isEqualTo("127.0.0.1");
    assertThat(loopbackProxy.resolve("127.0.0.1", List.of("[2001:db8::1]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(loopbackProxy.resolve("127.0.0.1", List.of("198.51.100.7:4711")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void cidrsMatchByPrefix() {
    Cidr block = Cidr.parse("192.168.0.0/16").orElseThrow();
    assertThat(block.contains(IpAddresses.parse("192.168.44.1").orElseThrow())).isTrue();
    assertThat(block.contains(IpAddresses.parse("192.169.0.1").orElseThrow())).isFalse();
    assertThat(block.contains(IpAddresses.parse("::1").orElseThrow())).isFalse();
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
    assertThat(Cidr.parse("localhost")).isEmpty();
  }
}
