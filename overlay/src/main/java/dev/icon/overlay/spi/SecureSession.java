package dev.icon.overlay.spi;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import java.util.Optional;

/**
 * The outcome of a successful security handshake.
 *
 * @param protocolId the security protocol used, e.g. {@code /noise}
 * @param remotePeer the authenticated remote peer
 * @param remoteKey the remote's identity key
 * @param earlyMuxer the muxer agreed inside the handshake (Noise extensions), if both offered one
 */
public record SecureSession(
    String protocolId, PeerId remotePeer, PublicKey remoteKey, Optional<String> earlyMuxer) {}
