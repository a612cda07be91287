package dev.icon.overlay.api;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A secured, multiplexed connection to one peer. Thread-safe: every method may be called from any
 * thread; work runs on the connection's event loop.
 */
public interface Connection {

  /** The authenticated remote peer. */
  PeerId remotePeer();

  /** The remote's address (without /p2p/). */
  Multiaddr remoteAddress();

  /** This end's address. */
  Multiaddr localAddress();

  /** Who dialled. */
  Direction direction();

  /** The security protocol id, e.g. {@code /noise}. */
  String securityProtocol();

  /** The muxer protocol id, e.g. {@code /yamux/1.0.0}. */
  String muxerProtocol();

  /** When the connection was established. */
  Instant openedAt();

  /** Streams currently open on this connection. */
  int streamCount();

  /** Whether the connection is open. */
  boolean isOpen();

  /** Opens a stream speaking the first of {@code protocols} the remote supports. */
  CompletableFuture<Stream> newStream(List<String> protocols);

  /** Graceful close: refuses new streams, lets open ones finish briefly, then closes. */
  CompletableFuture<Void> close();

  /** Completes when the connection is closed, for whatever reason. */
  CompletableFuture<Void> closeFuture();
}
