package dev.icon.overlay.spi;

import dev.icon.overlay.identity.PeerId;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A security protocol that turns a raw connection into an authenticated, encrypted one ("/noise").
 *
 * <p>Seam between the host's connection upgrader and a security implementation; a contract test
 * suite in the overlay tests checks every implementation the same way.
 */
public interface SecureChannel {

  /** The multistream-select protocol id, e.g. {@code /noise}. */
  String protocolId();

  /**
   * Installs the handshake into {@code channel}'s pipeline (after any handler already there) and
   * starts it. On success the pipeline carries plaintext {@code ByteBuf}s to and from the next
   * handler added after it, and the future completes with the authenticated session. On failure
   * the channel is closed and the future completes exceptionally.
   *
   * @param expectedRemote when present, the handshake fails unless the remote proves this peer id
   * @param offeredMuxers muxer ids offered for inlined negotiation, in order of preference
   */
  CompletableFuture<SecureSession> secure(
      Channel channel, Role role, Optional<PeerId> expectedRemote, List<String> offeredMuxers);
}
