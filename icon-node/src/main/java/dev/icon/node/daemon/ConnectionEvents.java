package dev.icon.node.daemon;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.HostListener;
import java.util.Map;

/** Reports {@code peer-connected} and {@code peer-disconnected} events. */
final class ConnectionEvents implements HostListener {

  private final NodeEvents events;

  ConnectionEvents(NodeEvents events) {
    this.events = events;
  }

  @Override
  public void connected(Connection c) {
    events.emit("peer-connected", Map.of("peer", c.remotePeer().toBase58(),
        "addr", c.remoteAddress().toString(), "direction", c.direction().name().toLowerCase()));
  }

  @Override
  public void disconnected(Connection c) {
    events.emit("peer-disconnected", Map.of("peer", c.remotePeer().toBase58()));
  }
}
