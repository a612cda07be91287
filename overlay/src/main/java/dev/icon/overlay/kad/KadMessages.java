package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import dev.icon.proto.libp2p.kad.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds kad {@link Message}s and converts peers between {@link KadPeer} and {@code Message.Peer}.
 * Stateless and thread-safe.
 */
public final class KadMessages {

  private KadMessages() {}

  /** A request of {@code type} for {@code key} (a binary peer id for FIND_NODE). */
  public static Message request(Message.MessageType type, byte[] key) {
    return Message.newBuilder().setType(type).setKey(ByteString.copyFrom(key)).build();
  }

  /** A PUT_VALUE request storing {@code value} under {@code key}. */
  public static Message putValue(byte[] key, byte[] value) {
    ByteString k = ByteString.copyFrom(key);
    return Message.newBuilder().setType(Message.MessageType.PUT_VALUE).setKey(k)
        .setRecord(Record.newBuilder().setKey(k).setValue(ByteString.copyFrom(value)))
        .build();
  }

  /** The wire form of {@code peer}, with the given connection hint. */
  public static Message.Peer toWire(KadPeer peer, Message.ConnectionType connection) {
    return Message.Peer.newBuilder().setId(ByteString.copyFrom(peer.id().toBytes()))
        .addAllAddrs(peer.addrs()).setConnection(connection).build();
  }

  /**
   * The peers of a wire list, at most {@code max}; entries with unparsable ids are skipped (the
   * caller may compare sizes to count them).
   */
  public static List<KadPeer> fromWire(List<Message.Peer> peers, int max) {
    List<KadPeer> out = new ArrayList<>(Math.min(peers.size(), max));
    for (int i = 0; i < peers.size() && i < max; i++) {
      Message.Peer p = peers.get(i);
      try {
        out.add(new KadPeer(PeerId.fromBytes(p.getId().toByteArray()), p.getAddrsList()));
      } catch (IdentityException e) {
        // Skipped: an unparsable id names no peer we could reach.
      }
    }
    return out;
  }
}
