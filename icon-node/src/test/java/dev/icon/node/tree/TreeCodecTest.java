package dev.icon.node.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.tree.Heartbeat;
import dev.icon.proto.icon.tree.Join;
import dev.icon.proto.icon.tree.TreeBody;
import dev.icon.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeCodecTest {

  private final MutableClock clock = new MutableClock();
  private final TreeConfig config = TreeConfig.defaults();
  private final PrivateKey a = key(1);
  private final PrivateKey b = key(2);
  private final PrivateKey c = key(3);

  static PrivateKey key(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return PrivateKey.generateEd25519(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private TreeBody.Builder heartbeat() {
    return TreeBody.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSeq(1));
  }

  @Test
  void roundTrip() {
    byte[] f = TreeCodec.encode(a, b.publicKey().peerId(), heartbeat(), clock);
    TreeBody body = TreeCodec.decode(f, a.publicKey().peerId(), b.publicKey().peerId(), clock,
        config);
    assertThat(body.getHeartbeat().getSeq()).isEqualTo(1);
  }

  @Test
  void aFrameSignedByAnotherPeerThanTheClaimedOneIsRefused() {
    TreeBody body = heartbeat().setVersion(1)
        .setFrom(ByteString.copyFrom(a.publicKey().peerId().toBytes()))
        .setTo(ByteString.copyFrom(b.publicKey().peerId().toBytes()))
        .setSentAtMillis(clock.millis()).build();
    byte[] forged = TreeCodec.sign(c, body.toByteString()).toByteArray();
    assertThatThrownBy(() -> TreeCodec.decode(forged, a.publicKey().peerId(),
        b.publicKey().peerId(), clock, config))
        .isInstanceOfSatisfying(TreeException.class,
            e -> assertThat(e.error()).isEqualTo(TreeError.BAD_SIGNATURE));
  }

  @Test
  void senderReceiverTimeSizeAndShapeAreChecked() {
    byte[] f = TreeCodec.encode(a, b.publicKey().peerId(), heartbeat(), clock);
    assertError(() -> TreeCodec.decode(f, c.publicKey().peerId(), b.publicKey().peerId(), clock,
        config), TreeError.WRONG_PEER, "but the stream is from");
    assertError(() -> TreeCodec.decode(f, a.publicKey().peerId(), c.publicKey().peerId(), clock,
        config), TreeError.WRONG_PEER, "is addressed to");
    clock.advance(Duration.ofMinutes(2));
    assertError(() -> TreeCodec.decode(f, a.publicKey().peerId(), b.publicKey().peerId(), clock,
        config), TreeError.STALE, "from our clock");
    assertError(() -> TreeCodec.decode(new byte[config.maxFrameSize() + 1],
        a.publicKey().peerId(), b.publicKey().peerId(), clock, config), TreeError.OVERSIZED, "");
    assertError(() -> TreeCodec.decode(new byte[] {(byte) 0xff, 1, 2},
        a.publicKey().peerId(), b.publicKey().peerId(), clock, config), TreeError.MALFORMED, "");
    byte[] empty = TreeCodec.encode(a, b.publicKey().peerId(), TreeBody.newBuilder(), clock);
    assertError(() -> TreeCodec.decode(empty, a.publicKey().peerId(), b.publicKey().peerId(),
        clock, config), TreeError.MALFORMED, "without a kind");
    Join.Builder j = Join.newBuilder();
    List<TreeMember> chain = java.util.Collections.nCopies(33,
        new TreeMember(c.publicKey().peerId(), List.of()));
    j.addAllAncestors(TreeCodec.toProto(chain));
    byte[] longChain = TreeCodec.encode(a, b.publicKey().peerId(),
        TreeBody.newBuilder().setJoin(j), clock);
    assertError(() -> TreeCodec.decode(longChain, a.publicKey().peerId(), b.publicKey().peerId(),
        clock, config), TreeError.MALFORMED, "33 ancestors");
  }

  private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      TreeError error, String text) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TreeException.class, e -> {
      assertThat(e.error()).isEqualTo(error);
      assertThat(e.getMessage()).contains(text);
    });
  }
}
