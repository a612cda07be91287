package dev.icon.overlay.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.spi.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz harness: arbitrary bytes, and arbitrary (mostly well-formed) frames, into codec plus
 * session. The only allowed outcome of bad input is a go-away with a protocol error and a closed
 * connection: no exception escapes, no stream pipeline sees an exception, no internal-error
 * go-away (which would mean a bug of ours was caught), and every input buffer is released.
 */
class YamuxFuzzTest {

  /** A frame header with arbitrary fields, and as many payload bytes as we choose to supply. */
  record RawFrame(int version, int type, int flags, int streamId, long length, int supplied) {
    void writeTo(ByteBuf out) {
      out.writeByte(version).writeByte(type).writeShort(flags).writeInt(streamId)
          .writeInt((int) length).writeZero(supplied);
    }
  }

  @Provide
  Arbitrary<List<RawFrame>> frames() {
    Arbitrary<Integer> version = Arbitraries.frequency(
        net.jqwik.api.Tuple.of(20, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 255));
    Arbitrary<Integer> type = Arbitraries.integers().between(0, 5);
    Arbitrary<Integer> flags = Arbitraries.oneOf(Arbitraries.integers().between(0, 15),
        Arbitraries.integers().between(0, 0xFFFF));
    Arbitrary<Integer> streamId = Arbitraries.oneOf(Arbitraries.integers().between(0, 12),
        Arbitraries.integers());
    Arbitrary<Long> length = Arbitraries.oneOf(Arbitraries.longs().between(0, 600),
        Arbitraries.longs().between(0, 0xFFFF_FFFFL));
    Arbitrary<RawFrame> frame = Combinators.combine(version, type, flags, streamId, length,
        Arbitraries.integers().between(0, 100)).as((v, t, f, s, l, extra) -> {
          int supplied = (v == 0 && t == 0) ? (int) Math.min(l, 600) : 0;
          return new RawFrame(v, t, f, s, l, extra > 95 ? supplied / 2 : supplied);
        });
    return frame.list().ofMaxSize(30);
  }

  @Property(tries = 2000)
  void arbitraryFramesOnlyEverCloseTheConnection(@ForAll("frames") List<RawFrame> frames,
      @ForAll boolean initiator, @ForAll boolean autoRead) {
    List<ByteBuf> inputs = new ArrayList<>();
    for (RawFrame f : frames) {
      ByteBuf b = Unpooled.buffer();
      f.writeTo(b);
      inputs.add(b);
    }
    run(inputs, initiator ? Role.INITIATOR : Role.RESPONDER, autoRead);
  }

  @Property(tries = 2000)
  void arbitraryBytesOnlyEverCloseTheConnection(
      @ForAll @Size(max = 20) List<@Size(max = 64) byte[]> chunks, @ForAll boolean autoRead) {
    List<ByteBuf> inputs = new ArrayList<>();
    for (byte[] c : chunks) {
      inputs.add(Unpooled.buffer().writeBytes(c));
    }
    run(inputs, Role.RESPONDER, autoRead);
  }

  private static void run(List<ByteBuf> inputs, Role role, boolean autoRead) {
    List<Throwable> streamErrors = new ArrayList<>();
    YamuxConfig config = EmbeddedPeer.testConfig().maxStreams(4).maxStreamRejections(3)
        .maxStreamWindow(512 * 1024).build();
    try (EmbeddedPeer p = new EmbeddedPeer(role, config, ch -> {
      ch.config().setAutoRead(autoRead);
      ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
          ((ByteBuf) msg).release();
          ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
          streamErrors.add(cause);
        }
      });
    })) {
      for (ByteBuf in : inputs) {
        if (p.channel.isOpen()) {
          in.retain();
          p.channel.writeInbound(in); // throws if any exception reached the pipeline's end
          p.channel.runPendingTasks();
        }
      }
      for (EmbeddedPeer.Header h : p.sentHeaders()) {
        if (h.type() == YamuxFrameType.GO_AWAY) {
          assertThat(h.length()).as("go-away code").isEqualTo(YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
          assertThat(p.channel.isOpen()).isFalse();
        }
      }
      p.channel.close();
      p.channel.runPendingTasks();
      assertThat(streamErrors).isEmpty();
      assertThat(p.session.activeStreams()).isZero();
    }
    for (ByteBuf in : inputs) {
      assertThat(in.refCnt()).as("input buffer released").isEqualTo(1);
      in.release();
    }
  }
}
