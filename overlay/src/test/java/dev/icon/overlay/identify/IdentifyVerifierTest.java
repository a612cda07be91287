package dev.icon.overlay.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.libp2p.identify.Identify;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifyVerifierTest {

  private final PrivateKey key = PrivateKey.generateEd25519();
  private final Multiaddr listen = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");
  private final Multiaddr observed = Multiaddr.parse("/ip4/10.0.0.1/tcp/5555");

  @Test
  void ownMessageRoundTripsThroughVerify() {
    Identify msg = IdentifyVerifier.build(key.publicKey(), List.of(listen), List.of("/a/1", "/b/2"),
        Optional.of(observed), "icon/0.1.0");
    assertThat(msg.getProtocolVersion()).isEqualTo("ipfs/0.1.0");
    PeerInfo info = IdentifyVerifier.verify(msg, key.publicKey().peerId());
    assertThat(info.publicKey()).isEqualTo(key.publicKey());
    assertThat(info.listenAddrs()).containsExactly(listen);
    assertThat(info.protocols()).containsExactly("/a/1", "/b/2");
    assertThat(info.observedAddr()).contains(observed);
    assertThat(info.agentVersion()).isEqualTo("icon/0.1.0");
  }

  @Test
  void keyOfAnotherPeerIsRejected() {
    Identify msg = IdentifyVerifier.build(key.publicKey(), List.of(), List.of(), Optional.empty(), "x");
    var other = PrivateKey.generateEd25519().publicKey().peerId();
    assertThatThrownBy(() -> IdentifyVerifier.verify(msg, other))
        .isInstanceOfSatisfying(IdentifyException.class,
            e -> assertThat(e.error()).isEqualTo(IdentifyError.KEY_MISMATCH));
  }

  @Test
  void missingOrGarbageKeyIsRejected() {
    var peer = key.publicKey().peerId();
    assertThatThrownBy(() -> IdentifyVerifier.verify(Identify.getDefaultInstance(), peer))
        .isInstanceOfSatisfying(IdentifyException.class,
            e -> assertThat(e.error()).isEqualTo(IdentifyError.MISSING_KEY));
    Identify garbage = Identify.newBuilder().setPublicKey(ByteString.copyFrom(new byte[] {1, 2, 3})).build();
    assertThatThrownBy(() -> IdentifyVerifier.verify(garbage, peer))
        .isInstanceOfSatisfying(IdentifyException.class,
            e -> assertThat(e.error()).isEqualTo(IdentifyError.MISSING_KEY));
  }

  @Test
  void unparsableAddressesAreSkipped() {
    Identify msg = IdentifyVerifier.build(key.publicKey(), List.of(listen), List.of(), Optional.empty(), "x")
        .toBuilder().addListenAddrs(ByteString.copyFrom(new byte[] {(byte) 0xff, 0x7f})).build();
    assertThat(IdentifyVerifier.verify(msg, key.publicKey().peerId()).listenAddrs()).containsExactly(listen);
  }
}
