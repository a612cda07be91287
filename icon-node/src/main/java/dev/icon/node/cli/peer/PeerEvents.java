package dev.icon.node.cli.peer;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns host events into {@code peer:connect}, {@code peer:disconnect} and {@code identify} lines. */
final class PeerEvents implements HostListener {

  private final EventPrinter events;

  PeerEvents(EventPrinter events) {
    this.events = events;
  }

  @Override
  public void connected(Connection c) {
    events.emit("peer:connect", describe(c));
  }

  @Override
  public void disconnected(Connection c) {
    events.emit("peer:disconnect", describe(c));
  }

  @Override
  public void identified(PeerId peer, PeerInfo info) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("peerId", peer.toBase58());
    f.put("protocols", info.protocols());
    f.put("agentVersion", info.agentVersion());
    f.put("protocolVersion", info.protocolVersion());
    f.put("listenAddrs", info.listenAddrs().stream().map(Multiaddr::toString).toList());
    f.put("observedAddr", info.observedAddr().map(Multiaddr::toString).orElse(null));
    events.emit("identify", f);
  }

  private static Map<String, Object> describe(Connection c) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("peerId", c.remotePeer().toBase58());
    f.put("muxer", c.muxerProtocol());
    f.put("encryption", c.securityProtocol());
    f.put("direction", c.direction().name().toLowerCase(java.util.Locale.ROOT));
    f.put("remoteAddr", c.remoteAddress().toString());
    return f;
  }
}
