package dev.icon.overlay.transport;

import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.concurrent.CompletableFuture;

/** A bound listener. Thread-safe. Closing it stops accepting; accepted connections stay open. */
public interface TransportListener {

  /** The bound address, with the real port when 0 was asked for. */
  Multiaddr address();

  /** Stops listening. Idempotent. */
  CompletableFuture<Void> close();
}
