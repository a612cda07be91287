package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link KadMessages}: request shapes and peer conversions. */
class KadMessagesTest {

  private final Random random = new Random(5);

  @Test
  void peersRoundTripAndGarbageIdsAreSkipped() {
    PeerId a = TestPeers.random(random);
    KadPeer peer = new KadPeer(a, List.of(ByteString.copyFrom(new byte[] {4, 127, 0, 0, 1})));
    Message.Peer wire = KadMessages.toWire(peer, Message.ConnectionType.CONNECTED);
    Message.Peer junk = Message.Peer.newBuilder().setId(ByteString.copyFrom(new byte[] {7})).build();

    assertThat(wire.getConnection()).isEqualTo(Message.ConnectionType.CONNECTED);
    assertThat(KadMessages.fromWire(List.of(junk, wire, wire), 10)).containsExactly(peer, peer);
    assertThat(KadMessages.fromWire(List.of(wire, wire, wire), 2)).hasSize(2);
  }

  @Test
  void putValueCarriesTheRecordUnderTheSameKey() {
    Message put = KadMessages.putValue(new byte[] {1}, new byte[] {2});
    assertThat(put.getType()).isEqualTo(Message.MessageType.PUT_VALUE);
    assertThat(put.getRecord().getKey()).isEqualTo(put.getKey());
    assertThat(put.getRecord().getValue().toByteArray()).containsExactly(2);
    assertThat(KadMessages.request(Message.MessageType.GET_PROVIDERS, new byte[] {3}).getKey()
        .toByteArray()).containsExactly(3);
  }
}
