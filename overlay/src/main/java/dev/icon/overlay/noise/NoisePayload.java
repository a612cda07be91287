package dev.icon.overlay.noise;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.proto.libp2p.noise.NoiseExtensions;
import dev.icon.proto.libp2p.noise.NoiseHandshakePayload;
import java.util.List;
import java.util.Optional;

/**
 * A verified libp2p Noise handshake payload: the remote's identity key, the peer id it proves and
 * the stream muxers it offered in the extensions. Immutable.
 *
 * @param identityKey the remote's libp2p identity key
 * @param peerId the peer id derived from {@code identityKey}
 * @param streamMuxers muxers offered for inlined negotiation, in the sender's order (may be empty)
 */
public record NoisePayload(PublicKey identityKey, PeerId peerId, List<String> streamMuxers) {

  /** Copies the muxer list. */
  public NoisePayload {
    streamMuxers = List.copyOf(streamMuxers);
  }

  /**
   * Encodes this side's payload: the identity key, its signature over
   * {@code "noise-libp2p-static-key:" || staticPublicKey}, and the muxers (extensions are omitted
   * when {@code muxers} is empty).
   */
  static byte[] create(PrivateKey identity, byte[] staticPublicKey, List<String> muxers) {
    NoiseHandshakePayload.Builder payload = NoiseHandshakePayload.newBuilder()
        .setIdentityKey(ByteString.copyFrom(identity.publicKey().toProtobuf()))
        .setIdentitySig(ByteString.copyFrom(identity.sign(NoiseProtocol.staticKeySignedData(staticPublicKey))));
    if (!muxers.isEmpty()) {
      payload.setExtensions(NoiseExtensions.newBuilder().addAllStreamMuxers(muxers));
    }
    return payload.build().toByteArray();
  }

  /**
   * Decodes a remote payload and verifies its signature against the remote's static key.
   *
   * @throws NoiseException MALFORMED_PAYLOAD when undecodable or a field is missing, BAD_SIGNATURE
   *     when the signature does not verify with the enclosed identity key
   */
  static NoisePayload verify(byte[] encoded, byte[] remoteStatic) {
    NoiseHandshakePayload payload;
    try {
      payload = NoiseHandshakePayload.parseFrom(encoded);
    } catch (InvalidProtocolBufferException e) {
      throw new NoiseException(NoiseError.MALFORMED_PAYLOAD, "undecodable handshake payload", e);
    }
    if (!payload.hasIdentityKey() || !payload.hasIdentitySig()) {
      throw new NoiseException(NoiseError.MALFORMED_PAYLOAD, "handshake payload lacks identity key or signature");
    }
    PublicKey key;
    PeerId peerId;
    try {
      key = PublicKey.fromProtobuf(payload.getIdentityKey().toByteArray());
      peerId = key.peerId();
    } catch (IdentityException | IllegalArgumentException e) {
      throw new NoiseException(NoiseError.MALFORMED_PAYLOAD, "bad identity key: " + e.getMessage(), e);
    }
    boolean valid;
    try {
      valid = key.verify(NoiseProtocol.staticKeySignedData(remoteStatic), payload.getIdentitySig().toByteArray());
    } catch (RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw new NoiseException(NoiseError.BAD_SIGNATURE, "identity signature over static key of " + peerId + " is invalid");
    }
    List<String> muxers = payload.hasExtensions() ? payload.getExtensions().getStreamMuxersList() : List.of();
    return new NoisePayload(key, peerId, muxers);
  }

  /**
   * Inlined muxer negotiation (libp2p/specs connections/inlined-muxer-negotiation.md): the first
   * muxer of the initiator's list that the responder also offers. Empty when either side offered
   * none or there is no overlap; the host then negotiates a muxer with multistream-select (as
   * go-libp2p does) instead of failing.
   */
  public static Optional<String> selectMuxer(List<String> initiatorMuxers, List<String> responderMuxers) {
    for (String muxer : initiatorMuxers) {
      if (responderMuxers.contains(muxer)) {
        return Optional.of(muxer);
      }
    }
    return Optional.empty();
  }
}
