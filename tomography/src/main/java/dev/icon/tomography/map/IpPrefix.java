package dev.icon.tomography.map;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import org.xbill.DNS.Address;

/**
 * An IP prefix such as {@code 198.51.100.0/24} or {@code 2001:db8:1::/48}: the network address
 * (host bits zero) and a length. Immutable.
 *
 * @param network the network address; its bits beyond {@code length} are zero
 * @param length the prefix length (0..32 for IPv4, 0..128 for IPv6)
 */
public record IpPrefix(InetAddress network, int length) {

  public IpPrefix {
    Objects.requireNonNull(network, "network");
    int bits = network.getAddress().length * 8;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length must be 0.." + bits + ", was " + length);
    }
    if (!Arrays.equals(mask(network.getAddress(), length), network.getAddress())) {
      throw new IllegalArgumentException(network.getHostAddress() + "/" + length
          + " has host bits set (use IpPrefix.of)");
    }
  }

  /** The prefix of length {@code length} containing {@code address}. */
  public static IpPrefix of(InetAddress address, int length) {
    int bits = address.getAddress().length * 8;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length must be 0.." + bits + ", was " + length);
    }
    try {
      return new IpPrefix(InetAddress.getByAddress(mask(address.getAddress(), length)), length);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses {@code ADDRESS/LENGTH} (IP literals only, never a name; host bits must be zero).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static IpPrefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + text + "' is not ADDRESS/LENGTH");
    }
    InetAddress address;
    try {
      address = Address.getByAddress(text.substring(0, slash));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' does not start with an IP address");
    }
    int length;
    try {
      length = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has no numeric prefix length");
    }
    return new IpPrefix(address, length);
  }

  /** Whether {@code address} (of the same family) lies in this prefix. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    return a.length == network.getAddress().length
        && Arrays.equals(mask(a, length), network.getAddress());
  }

  /** {@code ADDRESS/LENGTH}, the form node ids of client prefixes take. */
  @Override
  public String toString() {
    return network.getHostAddress() + "/" + length;
  }

  private static byte[] mask(byte[] address, int length) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, length - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }
}
