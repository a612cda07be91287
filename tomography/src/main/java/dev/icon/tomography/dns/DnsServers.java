package dev.icon.tomography.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/** Parses DNS server addresses written {@code host:port}. Stateless. */
public final class DnsServers {

  /** The port used when none is written. */
  public static final int DEFAULT_PORT = 53;

  private DnsServers() {}

  /**
   * Parses {@code 127.0.0.1:5353}, {@code [::1]:5353}, {@code ::1} (port 53), {@code 10.0.0.1}
   * (port 53). Only IP literals: a DNS server named by a DNS name would need DNS to be found.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static InetSocketAddress parse(String text) {
    String s = text == null ? "" : text.strip();
    String host;
    int port = DEFAULT_PORT;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw bad(text, "missing ']'");
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw bad(text, "expected ':PORT' after ']'");
        }
        port = port(text, rest.substring(1));
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = port(text, s.substring(s.indexOf(':') + 1));
    } else {
      host = s;
    }
    InetAddress address;
    try {
      address = Address.getByAddress(host);
    } catch (UnknownHostException e) {
      throw bad(text, "'" + host + "' is not an IP address (write the server as IP:PORT)");
    }
    return new InetSocketAddress(address, port);
  }

  private static int port(String text, String p) {
    try {
      int port = Integer.parseInt(p);
      if (port < 1 || port > 65535) {
        throw bad(text, "port " + port + " is outside 1..65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw bad(text, "port '" + p + "' is not a number");
    }
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("DNS server '" + text + "': " + why);
  }
}
