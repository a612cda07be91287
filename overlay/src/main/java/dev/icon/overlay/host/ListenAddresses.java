package dev.icon.overlay.host;

import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.overlay.transport.TcpTransport;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a wildcard listen address ({@code /ip4/0.0.0.0} or {@code /ip6/::}) into the addresses of
 * the machine's interfaces that are up, so identify announces reachable addresses. Stateless.
 */
final class ListenAddresses {

  private ListenAddresses() {}

  /** {@code bound} itself, or one address per interface address of its family when wildcard. */
  static List<Multiaddr> expand(Multiaddr bound) {
    InetSocketAddress socket;
    try {
      socket = bound.toTcpSocketAddress();
    } catch (RuntimeException e) {
      return List.of(bound);
    }
    InetAddress ip = socket.getAddress();
    if (!ip.isAnyLocalAddress()) {
      return List.of(bound);
    }
    List<Multiaddr> out = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          boolean sameFamily = ip instanceof Inet4Address ? a instanceof Inet4Address : a instanceof Inet6Address;
          if (sameFamily && !a.isLinkLocalAddress()) {
            out.add(TcpTransport.toMultiaddr(new InetSocketAddress(a, socket.getPort())));
          }
        }
      }
    } catch (SocketException e) {
      return List.of(bound);
    }
    return out.isEmpty() ? List.of(bound) : out;
  }
}
