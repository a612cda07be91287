package dev.icon.node.tree;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.identity.PublicKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.proto.icon.tree.Member;
import dev.icon.proto.icon.tree.TreeBody;
import dev.icon.proto.icon.tree.TreeFrame;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns tree bodies into signed frame bytes and back, checking on the way in: size, parse,
 * version, kind, sender = stream peer, receiver = us, the sender's signature, the send time within
 * the skew, the length of ancestor chains. Stateless and thread-safe; holds no session state (that
 * is {@link TreeMembership}'s).
 */
public final class TreeCodec {

  private TreeCodec() {}

  /**
   * Signs {@code body} (its version, from, to and send time are set here) with {@code key} and
   * returns the frame bytes.
   */
  public static byte[] encode(PrivateKey key, PeerId to, TreeBody.Builder body, Clock clock) {
    TreeBody b = body.setVersion(TreeProtocol.SCHEMA_VERSION)
        .setFrom(ByteString.copyFrom(key.publicKey().peerId().toBytes()))
        .setTo(ByteString.copyFrom(to.toBytes()))
        .setSentAtMillis(clock.millis())
        .build();
    return sign(key, b.toByteString()).toByteArray();
  }

  /** A frame of {@code body} bytes signed with {@code key} (tests forge frames with it). */
  static TreeFrame sign(PrivateKey key, ByteString body) {
    return TreeFrame.newBuilder().setBody(body)
        .setSignature(ByteString.copyFrom(key.sign(signingBytes(body)))).build();
  }

  /**
   * Checks and parses a frame received from {@code remote} by {@code self}.
   *
   * @throws TreeException naming the fault (nothing of the frame is to be used then)
   */
  public static TreeBody decode(byte[] bytes, PeerId remote, PeerId self, Clock clock,
      TreeConfig config) {
    if (bytes.length > config.maxFrameSize()) {
      throw new TreeException(TreeError.OVERSIZED, "frame of " + bytes.length
          + " bytes exceeds " + config.maxFrameSize());
    }
    TreeFrame frame;
    TreeBody body;
    try {
      frame = TreeFrame.parseFrom(bytes);
      body = TreeBody.parseFrom(frame.getBody());
    } catch (InvalidProtocolBufferException e) {
      throw new TreeException(TreeError.MALFORMED, "unparsable frame: " + e.getMessage());
    }
    if (body.getVersion() != TreeProtocol.SCHEMA_VERSION) {
      throw new TreeException(TreeError.MALFORMED, "version " + body.getVersion() + ", expected "
          + TreeProtocol.SCHEMA_VERSION);
    }
    if (body.getKindCase() == TreeBody.KindCase.KIND_NOT_SET) {
      throw new TreeException(TreeError.MALFORMED, "frame without a kind");
    }
    if (!body.getFrom().equals(ByteString.copyFrom(remote.toBytes()))) {
      throw new TreeException(TreeError.WRONG_PEER, "frame claims to be from "
          + describe(body.getFrom()) + " but the stream is from " + remote);
    }
    if (!body.getTo().equals(ByteString.copyFrom(self.toBytes()))) {
      throw new TreeException(TreeError.WRONG_PEER, "frame is addressed to "
          + describe(body.getTo()) + ", not to " + self);
    }
    Optional<PublicKey> key = remote.extractPublicKey();
    byte[] sig = frame.getSignature().toByteArray();
    if (key.isEmpty() || sig.length == 0 || sig.length > 512
        || !key.get().verify(signingBytes(frame.getBody()), sig)) {
      throw new TreeException(TreeError.BAD_SIGNATURE, "signature is not " + remote + "'s");
    }
    long skew = Math.abs(clock.millis() - body.getSentAtMillis());
    if (skew > config.maxSkew().toMillis()) {
      throw new TreeException(TreeError.STALE, "sent " + skew + " ms from our clock (max "
          + config.maxSkew().toMillis() + ")");
    }
    int chain = switch (body.getKindCase()) {
      case JOIN -> body.getJoin().getAncestorsCount();
      case ACCEPTED -> body.getAccepted().getAncestorsCount();
      case HEARTBEAT -> body.getHeartbeat().getAncestorsCount();
      default -> 0;
    };
    if (chain > config.maxAncestors()) {
      throw new TreeException(TreeError.MALFORMED, chain + " ancestors exceed "
          + config.maxAncestors());
    }
    return body;
  }

  /** Members to their wire form. */
  public static List<Member> toProto(List<TreeMember> members) {
    List<Member> out = new ArrayList<>(members.size());
    for (TreeMember m : members) {
      Member.Builder b = Member.newBuilder().setPeerId(ByteString.copyFrom(m.peerId().toBytes()));
      for (Multiaddr a : m.addrs()) {
        b.addAddrs(ByteString.copyFrom(a.toBytes()));
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * Members from their wire form.
   *
   * @throws TreeException ({@link TreeError#MALFORMED}) for a bad peer id; bad addresses are
   *     dropped
   */
  public static List<TreeMember> fromProto(List<Member> members) {
    List<TreeMember> out = new ArrayList<>(members.size());
    for (Member m : members) {
      PeerId id;
      try {
        id = PeerId.fromBytes(m.getPeerId().toByteArray());
      } catch (RuntimeException e) {
        throw new TreeException(TreeError.MALFORMED, "bad peer id in ancestor chain");
      }
      List<Multiaddr> addrs = new ArrayList<>();
      for (ByteString a : m.getAddrsList()) {
        try {
          addrs.add(Multiaddr.fromBytes(a.toByteArray()));
        } catch (RuntimeException e) {
          // An unreadable address is skipped: the member may still be reachable by another.
        }
      }
      out.add(new TreeMember(id, addrs));
    }
    return out;
  }

  private static byte[] signingBytes(ByteString body) {
    byte[] p = TreeProtocol.SIGNING_PREFIX;
    byte[] out = new byte[p.length + body.size()];
    System.arraycopy(p, 0, out, 0, p.length);
    body.copyTo(out, p.length);
    return out;
  }

  private static String describe(ByteString peer) {
    try {
      return PeerId.fromBytes(peer.toByteArray()).toString();
    } catch (RuntimeException e) {
      return "an unreadable peer id";
    }
  }
}
