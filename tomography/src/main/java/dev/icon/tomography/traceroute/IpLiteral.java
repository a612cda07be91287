package dev.icon.tomography.traceroute;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/** Strict IP address literals (IPv4 dotted quad, IPv6 text), never resolving a name. */
final class IpLiteral {

  private IpLiteral() {}

  /** The address {@code text} spells, or null if it is not an IP literal. */
  static InetAddress parse(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    try {
      return Address.getByAddress(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
