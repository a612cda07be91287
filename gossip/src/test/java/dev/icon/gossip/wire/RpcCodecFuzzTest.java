package dev.icon.gossip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.proto.libp2p.pubsub.RPC;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz harness (seeded, so failures reproduce): arbitrary and mutated-valid bytes, cut into random
 * chunks, may only decode into {@link RPC}s or end in a {@link GossipWireException} with the
 * channel closed, and every input buffer is released.
 */
class RpcCodecFuzzTest {

  private static final int CASES = 3000;

  @Test
  void arbitraryBytesDecodeOrFailWithTheWireException() {
    Random random = new Random(0x1C0_6055L);
    byte[] valid = HexFormat.of().parseHex(WireVectors.RPC);
    int decoded = 0;
    int failed = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] input = i % 2 == 0 ? randomBytes(random) : mutate(random, framed(valid));
      EmbeddedChannel channel = new EmbeddedChannel(new RpcCodec(4096));
      List<ByteBuf> chunks = chunk(random, input);
      boolean threw = false;
      for (int c = 0; c < chunks.size(); c++) {
        try {
          channel.writeInbound(chunks.get(c));
        } catch (GossipWireException e) {
          threw = true;
          assertThat(channel.isOpen()).as("case %d closes the stream", i).isFalse();
          chunks.subList(c + 1, chunks.size()).forEach(ByteBuf::release);
          break;
        }
      }
      for (Object o; (o = channel.readInbound()) != null; ) {
        assertThat(o).isInstanceOf(RPC.class);
        decoded++;
      }
      failed += threw ? 1 : 0;
      channel.finishAndReleaseAll();
      assertThat(chunks).as("case %d releases its input", i)
          .allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }
    assertThat(decoded).as("some inputs decode").isPositive();
    assertThat(failed).as("some inputs fail").isPositive();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(64)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] framed(byte[] body) {
    return RpcCodecTest.concat(dev.icon.overlay.varint.Uvarint.encode(body.length), body);
  }

  private static byte[] mutate(Random random, byte[] valid) {
    byte[] out = valid.clone();
    int flips = 1 + random.nextInt(4);
    for (int f = 0; f < flips; f++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }

  private static List<ByteBuf> chunk(Random random, byte[] input) {
    List<ByteBuf> chunks = new ArrayList<>();
    int i = 0;
    while (i < input.length) {
      int n = 1 + random.nextInt(Math.min(32, input.length - i));
      chunks.add(Unpooled.buffer(n).writeBytes(input, i, n));
      i += n;
    }
    return chunks;
  }
}
