package dev.icon.node.ingress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A client network: an address with its host bits cleared and the prefix length, such as
 * {@code 192.0.2.0/24} or {@code 2001:db8:1::/48}. Immutable and thread-safe; equal prefixes are
 * equal objects (usable as map keys).
 *
 * @param network the network address (host bits zero)
 * @param bits the prefix length
 */
public record ClientPrefix(InetAddress network, int bits) {

  /** Checks that the address has no host bits set and the length fits the family. */
  public ClientPrefix {
    Objects.requireNonNull(network, "network");
    int max = network.getAddress().length * 8;
    if (bits < 0 || bits > max) {
      throw new IllegalArgumentException("bits: " + bits + " is outside 0.." + max);
    }
    if (!Arrays.equals(mask(network.getAddress(), bits), network.getAddress())) {
      throw new IllegalArgumentException("network: " + network.getHostAddress()
          + " has host bits set for /" + bits);
    }
  }

  /**
   * The prefix holding {@code client}: its first {@code ipv4Bits} bits for an IPv4 address (also
   * an IPv4-mapped IPv6 address, which Java presents as IPv4), {@code ipv6Bits} for IPv6.
   */
  public static ClientPrefix of(InetAddress client, int ipv4Bits, int ipv6Bits) {
    int bits = client instanceof Inet4Address ? ipv4Bits : ipv6Bits;
    try {
      return new ClientPrefix(InetAddress.getByAddress(mask(client.getAddress(), bits)), bits);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always accepted", e);
    }
  }

  /** Whether {@code address} lies in this prefix. */
  public boolean contains(InetAddress address) {
    byte[] raw = address.getAddress();
    return raw.length == network.getAddress().length
        && Arrays.equals(mask(raw, bits), network.getAddress());
  }

  private static byte[] mask(byte[] address, int bits) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  /** CIDR text, e.g. {@code 192.0.2.0/24}. */
  @Override
  public String toString() {
    return network.getHostAddress() + "/" + bits;
  }
}
