package dev.icon.overlay.identify;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.identify.Identify;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a received Identify message against the connection's authenticated peer and turns it
 * into a {@link PeerInfo}; builds our own message. Stateless and thread-safe.
 */
public final class IdentifyVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(IdentifyVerifier.class);

  private IdentifyVerifier() {}

  /**
   * Verifies that {@code message}'s public key is {@code remote}'s and converts it. Addresses that
   * do not parse are skipped (logged at debug).
   *
   * @throws IdentifyException MISSING_KEY or KEY_MISMATCH
   */
  public static PeerInfo verify(Identify message, PeerId remote) {
    if (!message.hasPublicKey()) {
      throw new IdentifyException(IdentifyError.MISSING_KEY, "no publicKey from " + remote);
    }
    PublicKey key;
    try {
      key = PublicKey.fromProtobuf(message.getPublicKey().toByteArray());
    } catch (RuntimeException e) {
      throw new IdentifyException(IdentifyError.MISSING_KEY, "undecodable publicKey from " + remote);
    }
    if (!PeerId.fromPublicKey(key).equals(remote)) {
      throw new IdentifyException(IdentifyError.KEY_MISMATCH, "publicKey is not that of " + remote);
    }
    List<Multiaddr> addrs = new ArrayList<>();
    for (ByteString b : message.getListenAddrsList()) {
      parse(b).ifPresent(addrs::add);
    }
    Optional<Multiaddr> observed =
        message.hasObservedAddr() ? parse(message.getObservedAddr()) : Optional.empty();
    return new PeerInfo(key, addrs, message.getProtocolsList(), observed,
        message.getAgentVersion(), message.getProtocolVersion());
  }

  private static Optional<Multiaddr> parse(ByteString bytes) {
    try {
      return Optional.of(Multiaddr.fromBytes(bytes.toByteArray()));
    } catch (RuntimeException e) {
      LOG.debug("skipping unparsable multiaddr in identify: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** Builds the message this host sends: key, listen addresses, protocols, observed address. */
  public static Identify build(PublicKey key, List<Multiaddr> listenAddrs, List<String> protocols,
      Optional<Multiaddr> observed, String agentVersion) {
    Identify.Builder b = Identify.newBuilder()
        .setProtocolVersion(IdentifyProtocol.PROTOCOL_VERSION)
        .setAgentVersion(agentVersion)
        .setPublicKey(ByteString.copyFrom(key.toProtobuf()))
        .addAllProtocols(protocols);
    for (Multiaddr a : listenAddrs) {
      b.addListenAddrs(ByteString.copyFrom(a.toBytes()));
    }
    observed.ifPresent(o -> b.setObservedAddr(ByteString.copyFrom(o.toBytes())));
    return b.build();
  }
}
