package dev.icon.gossip.score;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR block such as {@code 10.0.0.0/8}, used for the IP colocation whitelist.
 * Immutable and thread-safe.
 *
 * @param network the network address (host bits are ignored when matching)
 * @param prefixLength number of leading bits that must match, 0 to 32 (IPv4) or 128 (IPv6)
 */
public record IpSubnet(InetAddress network, int prefixLength) {

  /** Checks that the prefix length fits the address family. */
  public IpSubnet {
    ScoreChecks.notNull("network", network);
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefixLength must be in [0, " + bits + "], got " + prefixLength);
    }
  }

  /**
   * Parses {@code address/prefix} or a bare literal address (a single-host block). Only IP
   * literals are accepted; no DNS lookup happens.
   */
  public static IpSubnet parse(String cidr) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    if (host.isEmpty() || !(host.indexOf(':') >= 0 || host.chars().allMatch(
        c -> c == '.' || Character.isDigit(c)))) {
      throw new IllegalArgumentException("not an IP literal: " + cidr);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + cidr, e);
    }
    int bits = address.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + cidr, e);
    }
    return new IpSubnet(address, prefix);
  }

  /** True when {@code address} is of the same family and its first prefixLength bits match. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != n[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (n[full] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
