package dev.icon.tomography.map;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * How client addresses are grouped into client-prefix nodes of a map: the IPv4 prefix of {@code
 * v4Length} bits or the IPv6 prefix of {@code v6Length} bits containing the address. Node ids are
 * the prefix as text ({@link IpPrefix#toString()}, e.g. {@code 198.51.100.0/24}).
 *
 * @param v4Length prefix length for IPv4 clients (1..32)
 * @param v6Length prefix length for IPv6 clients (1..128)
 */
public record ClientPrefixes(int v4Length, int v6Length) {

  public ClientPrefixes {
    if (v4Length < 1 || v4Length > 32) {
      throw new IllegalArgumentException("ClientPrefixes.v4Length must be 1..32, was " + v4Length);
    }
    if (v6Length < 1 || v6Length > 128) {
      throw new IllegalArgumentException("ClientPrefixes.v6Length must be 1..128, was " + v6Length);
    }
  }

  /**
   * /24 for IPv4 (the smallest block routed between networks, usually one site) and /48 for IPv6
   * (the usual assignment to one site).
   */
  public static ClientPrefixes defaults() {
    return new ClientPrefixes(24, 48);
  }

  /** The prefix {@code client} falls in. */
  public IpPrefix prefixOf(InetAddress client) {
    return IpPrefix.of(client, client instanceof Inet4Address ? v4Length : v6Length);
  }

  /** The node id of the prefix {@code client} falls in. */
  public String nodeId(InetAddress client) {
    return prefixOf(client).toString();
  }
}
