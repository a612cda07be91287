package dev.icon.node.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.tree.Join;
import dev.icon.proto.icon.tree.TreeBody;
import dev.icon.testing.MutableClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random bytes and mutated frames: the codec only ever refuses with a TreeException. */
class TreeCodecFuzzTest {

  private final MutableClock clock = new MutableClock();
  private final TreeConfig config = TreeConfig.defaults();
  private final PrivateKey a = TreeCodecTest.key(11);
  private final PrivateKey b = TreeCodecTest.key(12);
  private final PeerId from = a.publicKey().peerId();
  private final PeerId to = b.publicKey().peerId();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomBytesAndFlippedBitsAreRefusedCleanly(long seed) {
    Random r = new Random(seed);
    byte[] valid = TreeCodec.encode(a, to, TreeBody.newBuilder().setJoin(Join.newBuilder()
        .addAllAncestors(TreeCodec.toProto(List.of(new TreeMember(to, List.of()))))), clock);
    assertThat(TreeCodec.decode(valid, from, to, clock, config).hasJoin()).isTrue();
    for (int k = 0; k < 300; k++) {
      byte[] junk = new byte[r.nextInt(400)];
      r.nextBytes(junk);
      assertRefused(junk);
      byte[] flipped = valid.clone();
      int at = r.nextInt(flipped.length);
      flipped[at] ^= (byte) (1 << r.nextInt(8));
      assertRefused(flipped);
      byte[] cut = java.util.Arrays.copyOf(valid, r.nextInt(valid.length));
      assertRefused(cut);
    }
  }

  private void assertRefused(byte[] bytes) {
    assertThatThrownBy(() -> TreeCodec.decode(bytes, from, to, clock, config))
        .isInstanceOf(TreeException.class);
  }
}
