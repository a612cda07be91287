package dev.icon.netsim;

/**
 * An IPv4 subnet in CIDR notation.
 *
 * @param network the network address as an unsigned 32-bit value
 * @param length the prefix length
 */
public record Cidr(long network, int length) {

  public Cidr {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length must be 0..32, was " + length);
    }
    if ((network & ~mask(length)) != 0) {
      throw new IllegalArgumentException(format(network) + "/" + length
          + " has host bits set; the network is " + format(network & mask(length)));
    }
  }

  /** Parses {@code a.b.c.d/n}; {@code field} names the topology field in error messages. */
  public static Cidr parse(String text, String field) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(field + ": not a CIDR subnet (a.b.c.d/n): " + text);
    }
    try {
      return new Cidr(parseAddress(text.substring(0, slash), field),
          Integer.parseInt(text.substring(slash + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  /** Parses a dotted IPv4 address into an unsigned 32-bit value. */
  public static long parseAddress(String text, String field) {
    String[] parts = text == null ? new String[0] : text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(field + ": not an IPv4 address: " + text);
    }
    long v = 0;
    for (String p : parts) {
      int octet;
      try {
        octet = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        octet = -1;
      }
      if (octet < 0 || octet > 255 || !p.equals(Integer.toString(octet))) {
        throw new IllegalArgumentException(field + ": not an IPv4 address: " + text);
      }
      v = v << 8 | octet;
    }
    return v;
  }

  /** Dotted notation of an unsigned 32-bit value. */
  public static String format(long address) {
    return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
        + (address & 255);
  }

  /** The {@code n}-th address of the subnet (1 is the first host address). */
  public String host(int n) {
    if (n < 1 || n >= (1L << (32 - length)) - 1) {
      throw new IllegalArgumentException(this + " has no host address number " + n);
    }
    return format(network + n);
  }

  /** Whether {@code address} lies in this subnet (and is neither its network nor broadcast). */
  public boolean contains(String address) {
    long a = parseAddress(address, "address");
    long broadcast = network | ~mask(length) & 0xffffffffL;
    return (a & mask(length)) == network && (length >= 31 || a != network && a != broadcast);
  }

  /** Whether {@code address} lies anywhere in this subnet, network and broadcast included. */
  public boolean covers(String address) {
    return (parseAddress(address, "address") & mask(length)) == network;
  }

  /** Whether the two subnets share an address. */
  public boolean overlaps(Cidr other) {
    int shorter = Math.min(length, other.length);
    return (network & mask(shorter)) == (other.network & mask(shorter));
  }

  @Override
  public String toString() {
    return format(network) + "/" + length;
  }

  private static long mask(int length) {
    return length == 0 ? 0 : 0xffffffffL << (32 - length) & 0xffffffffL;
  }
}
