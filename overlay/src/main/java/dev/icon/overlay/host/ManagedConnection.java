package dev.icon.overlay.host;

import dev.icon.overlay.identity.PeerId;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What the {@link ConnectionManager} needs to know of a connection. Implementations are
 * thread-safe.
 */
public interface ManagedConnection {

  /** The remote peer. */
  PeerId peer();

  /** Streams open now. */
  int activeStreams();

  /** When the connection was established. */
  Instant openedAt();

  /** The last time a stream opened or closed (or {@link #openedAt()}). */
  Instant lastActive();

  /** Whether it is open. */
  boolean isOpen();

  /** Graceful close. */
  CompletableFuture<Void> close();
}
