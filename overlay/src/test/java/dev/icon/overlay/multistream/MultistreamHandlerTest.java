package dev.icon.overlay.multistream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MultistreamHandlerTest {

  private static final MultistreamConfig CONFIG = MultistreamConfig.defaults();
  private final List<EmbeddedChannel> channels = new ArrayList<>();

  @AfterEach
  void closeAll() {
    for (EmbeddedChannel ch : channels) {
      ch.finishAndReleaseAll();
    }
  }

  private EmbeddedChannel channel(io.netty.channel.ChannelHandler... handlers) {
    EmbeddedChannel ch = new EmbeddedChannel(handlers);
    channels.add(ch);
    return ch;
  }

  private static ByteBuf frames(String... messages) {
    return MultistreamCodec.encode(io.netty.buffer.ByteBufAllocator.DEFAULT, messages);
  }

  /** Reads every outbound buffer of {@code ch} and decodes it into messages. */
  private static List<String> outbound(EmbeddedChannel ch) {
    List<String> out = new ArrayList<>();
    ByteBuf buf;
    while ((buf = ch.readOutbound()) != null) {
      try {
        String m;
        while ((m = MultistreamCodec.decode(buf, 65_535)) != null) {
          out.add(m);
        }
      } finally {
        buf.release();
      }
    }
    return out;
  }

  /** Moves outbound bytes between two channels until both are quiet. */
  private static void pump(EmbeddedChannel a, EmbeddedChannel b) {
    boolean moved = true;
    while (moved) {
      moved = false;
      Object m;
      while ((m = a.readOutbound()) != null) {
        b.writeInbound(m);
        moved = true;
      }
      while ((m = b.readOutbound()) != null) {
        a.writeInbound(m);
        moved = true;
      }
    }
  }

  @Test
  void initiatorPipelinesHeaderAndFirstProposalInOneWrite() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/echo/1.0.0"), CONFIG);
    EmbeddedChannel ch = channel(h);
    ByteBuf first = ch.readOutbound();
    try {
      assertThat(MultistreamCodec.decode(first, 1024)).isEqualTo(MultistreamProtocol.HEADER);
      assertThat(MultistreamCodec.decode(first, 1024)).isEqualTo("/echo/1.0.0");
      assertThat(first.isReadable()).isFalse();
    } finally {
      first.release();
    }
    assertThat((Object) ch.readOutbound()).isNull();
    ch.writeInbound(frames(MultistreamProtocol.HEADER, "/echo/1.0.0"));
    assertThat(h.selected()).isCompletedWithValue("/echo/1.0.0");
    assertThat(ch.pipeline().get(MultistreamHandler.class)).isNull();
  }

  @Test
  void initiatorAndResponderAgreeOnFirstSupported() {
    MultistreamHandler init = MultistreamHandler.initiator(List.of("/a", "/b", "/c"), CONFIG);
    MultistreamHandler resp = MultistreamHandler.responder(() -> Set.of("/b", "/c"), CONFIG);
    EmbeddedChannel i = channel(init);
    EmbeddedChannel r = channel(resp);
    pump(i, r);
    assertThat(init.selected()).isCompletedWithValue("/b");
    assertThat(resp.selected()).isCompletedWithValue("/b");
  }

  @Test
  void naMakesInitiatorSendSecondProposal() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/x", "/y"), CONFIG);
    EmbeddedChannel ch = channel(h);
    assertThat(outbound(ch)).containsExactly(MultistreamProtocol.HEADER, "/x");
    ch.writeInbound(frames(MultistreamProtocol.HEADER, MultistreamProtocol.NA));
    assertThat(outbound(ch)).containsExactly("/y");
    ch.writeInbound(frames("/y"));
    assertThat(h.selected()).isCompletedWithValue("/y");
  }

  @Test
  void naToEveryProposalFailsAndClosesChannel() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/x"), CONFIG);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ch.writeInbound(frames(MultistreamProtocol.HEADER, MultistreamProtocol.NA));
    assertFailed(h, MultistreamError.NO_PROTOCOL_AGREED);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void responderAnswersLsWithListAndNaForUnknown() {
    MultistreamHandler h = MultistreamHandler.responder(() -> List.of("/p/1", "/q/2"), CONFIG);
    EmbeddedChannel ch = channel(h);
    assertThat(outbound(ch)).containsExactly(MultistreamProtocol.HEADER);
    ch.writeInbound(frames(MultistreamProtocol.HEADER, MultistreamProtocol.LS, "/nope"));
    ByteBuf ls = ch.readOutbound();
    try {
      byte[] payload = MultistreamCodec.decodePayload(ls, 1024);
      assertThat(MultistreamCodec.decodeList(payload, 1024)).containsExactly("/p/1", "/q/2");
    } finally {
      ls.release();
    }
    assertThat(outbound(ch)).containsExactly(MultistreamProtocol.NA);
    assertThat(h.selected()).isNotDone();
  }

  @Test
  void leftoverBytesAfterAgreementReachNextHandler() {
    MultistreamHandler h = MultistreamHandler.responder(() -> Set.of("/echo"), CONFIG);
    List<String> received = new ArrayList<>();
    EmbeddedChannel ch = channel(h, new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf b = (ByteBuf) msg;
        received.add(b.toString(StandardCharsets.UTF_8));
        b.release();
      }
    });
    outbound(ch);
    ByteBuf in = frames(MultistreamProtocol.HEADER, "/echo");
    in.writeBytes("hello".getBytes(StandardCharsets.UTF_8));
    ch.writeInbound(in);
    assertThat(h.selected()).isCompletedWithValue("/echo");
    assertThat(outbound(ch)).containsExactly("/echo");
    ch.writeInbound(Unpooled.copiedBuffer(" world", StandardCharsets.UTF_8));
    assertThat(received).containsExactly("hello", " world");
  }

  @Test
  void messageSplitAcrossReadsIsReassembled() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/split"), CONFIG);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ByteBuf all = frames(MultistreamProtocol.HEADER, "/split");
    while (all.isReadable()) {
      ch.writeInbound(all.readRetainedSlice(1));
    }
    all.release();
    assertThat(h.selected()).isCompletedWithValue("/split");
  }

  @Test
  void oversizedMessageFails() {
    MultistreamConfig small = MultistreamConfig.builder().maxMessageLength(64).build();
    MultistreamHandler h = MultistreamHandler.responder(() -> Set.of("/a"), small);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ByteBuf in = Unpooled.buffer();
    in.writeByte(0x80 | 1).writeByte(1); // uvarint 129 > 64
    ch.writeInbound(in);
    assertFailed(h, MultistreamError.MESSAGE_TOO_LONG);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void wrongHeaderFails() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/a"), CONFIG);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ch.writeInbound(frames("/multistream/2.0.0"));
    assertFailed(h, MultistreamError.WRONG_HEADER);
  }

  @Test
  void garbageWithoutNewlineFails() {
    MultistreamHandler h = MultistreamHandler.responder(() -> Set.of("/a"), CONFIG);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3, 'G', 'E', 'T'}));
    assertFailed(h, MultistreamError.MALFORMED_MESSAGE);
  }

  @Test
  void unexpectedAnswerFails() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/a"), CONFIG);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ch.writeInbound(frames(MultistreamProtocol.HEADER, "/b"));
    assertFailed(h, MultistreamError.UNEXPECTED_MESSAGE);
  }

  @Test
  void tooManyProposalsFails() {
    MultistreamConfig cfg = MultistreamConfig.builder().maxProposals(2).build();
    MultistreamHandler h = MultistreamHandler.responder(() -> Set.of("/a"), cfg);
    EmbeddedChannel ch = channel(h);
    ch.writeInbound(frames(MultistreamProtocol.HEADER, "/x", "/y", "/z"));
    assertFailed(h, MultistreamError.TOO_MANY_PROPOSALS);
  }

  @Test
  void timeoutFailsAndCloses() {
    MultistreamConfig cfg = MultistreamConfig.builder().negotiationTimeout(Duration.ofSeconds(5)).build();
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/a"), cfg);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ch.advanceTimeBy(4, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(h.selected()).isNotDone();
    ch.advanceTimeBy(2, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertFailed(h, MultistreamError.TIMEOUT);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void closeBeforeAgreementFails() {
    MultistreamHandler h = MultistreamHandler.initiator(List.of("/a"), CONFIG);
    EmbeddedChannel ch = channel(h);
    outbound(ch);
    ch.writeInbound(frames(MultistreamProtocol.HEADER).retainedSlice(0, 3));
    ch.close();
    assertFailed(h, MultistreamError.CHANNEL_CLOSED);
  }

  static void assertFailed(MultistreamHandler h, MultistreamError error) {
    assertThat(h.selected()).isCompletedExceptionally();
    Throwable t = h.selected().handle((v, e) -> e).join();
    if (t instanceof CompletionException ce) {
      t = ce.getCause();
    }
    assertThat(t).isInstanceOf(MultistreamException.class);
    assertThat(((MultistreamException) t).error()).isEqualTo(error);
  }
}
