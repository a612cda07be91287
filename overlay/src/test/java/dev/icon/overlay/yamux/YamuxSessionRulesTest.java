package dev.icon.overlay.yamux;

import static dev.icon.overlay.yamux.EmbeddedPeer.data;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.spi.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Session rules, with the test playing the remote peer frame by frame. */
class YamuxSessionRulesTest {
  private static final int KIB = 1024;

  private static final ChannelInitializer<Channel> NOTHING = new ChannelInitializer<>() {
    @Override
    protected void initChannel(Channel ch) {}
  };

  private static EmbeddedPeer responder(YamuxConfig config) {
    return new EmbeddedPeer(Role.RESPONDER, config, ch -> ch.config().setAutoRead(false));
  }

  private static EmbeddedPeer responder() {
    return responder(EmbeddedPeer.testConfig().build());
  }

  private static void assertCutWith(EmbeddedPeer p, int goAwayCode) {
    List<EmbeddedPeer.Header> sent = p.sentHeaders();
    assertThat(sent).contains(
        new EmbeddedPeer.Header(YamuxFrameType.GO_AWAY, 0, 0, goAwayCode));
    assertThat(p.channel.isOpen()).isFalse();
  }

  static YamuxError errorOf(CompletableFuture<?> f) {
    assertThat(f).isCompletedExceptionally();
    try {
      f.getNow(null);
      throw new AssertionError("not failed");
    } catch (java.util.concurrent.CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(YamuxException.class);
      return ((YamuxException) e.getCause()).error();
    }
  }

  @Test
  void startsWithAnRttPingOnStreamZero() {
    try (EmbeddedPeer p = responder()) {
      List<YamuxFrame> sent = p.sent();
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).type()).isEqualTo(YamuxFrameType.PING);
      assertThat(sent.get(0).hasFlag(YamuxFrame.SYN)).isTrue();
      p.receive(YamuxFrame.ping(YamuxFrame.ACK, sent.get(0).length()));
      assertThat(p.session.rtt()).isPositive();
    }
  }

  @Test
  void answersPingWithTheSameOpaqueValue() {
    try (EmbeddedPeer p = responder()) {
      p.sentHeaders();
      p.receive(YamuxFrame.ping(YamuxFrame.SYN, 0xCAFEBABEL));
      assertThat(p.sent()).containsExactly(YamuxFrame.ping(YamuxFrame.ACK, 0xCAFEBABEL));
    }
  }

  @Test
  void whileTheConnectionIsUnwritableOnlyTheLatestPingIsAnswered() {
    try (EmbeddedPeer p = responder()) {
      p.sentHeaders();
      p.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
      for (int i = 1; i <= 1000; i++) {
        p.receive(YamuxFrame.ping(YamuxFrame.SYN, i));
      }
      assertThat(p.sent()).isEmpty();
      p.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
      assertThat(p.sent()).containsExactly(YamuxFrame.ping(YamuxFrame.ACK, 1000));
    }
  }

  @Test
  void synWithOurParityCutsTheConnection() {
    try (EmbeddedPeer p = responder()) {
      p.receive(YamuxFrame.windowUpdate(2, YamuxFrame.SYN, 0));
      assertCutWith(p, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
      assertThat(p.accepted).isEmpty();
    }
  }

  @Test
  void synReusingALiveStreamIdCutsTheConnection() {
    try (EmbeddedPeer p = responder()) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      assertCutWith(p, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
      assertThat(p.accepted.get(0).isOpen()).isFalse();
    }
  }

  @Test
  void dataOnStreamZeroCutsTheConnection() {
    try (EmbeddedPeer p = responder()) {
      p.receive(data(0, 0, 3));
      assertCutWith(p, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
    }
  }

  @Test
  void exceedingTheGrantedWindowCutsTheConnection() {
    try (EmbeddedPeer p = responder()) {
      p.receive(data(1, YamuxFrame.SYN, 200 * KIB));
      p.receive(data(1, 0, 56 * KIB));
      assertThat(p.channel.isOpen()).as("exactly the window is fine").isTrue();
      p.receive(data(1, 0, 1));
      assertCutWith(p, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
      assertThat(p.accepted.get(0).isOpen()).isFalse();
    }
  }

  @Test
  void oversizedFrameCutsTheConnection() {
    try (EmbeddedPeer p = responder(EmbeddedPeer.testConfig().maxStreamWindow(512 * KIB).build())) {
      ByteBuf header = Unpooled.buffer();
      header.writeBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 8, 0, 1});
      p.channel.writeInbound(header);
      assertCutWith(p, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
    }
  }

  @Test
  void bytesReadByTheApplicationAreReturnedAsWindowUpdates() {
    try (EmbeddedPeer p = responder()) {
      p.sentHeaders();
      p.receive(data(1, YamuxFrame.SYN, 100 * KIB), data(1, 0, 100 * KIB));
      assertThat(p.sentHeaders()).as("nothing read, nothing granted").isEmpty();
      YamuxStreamChannel s = p.accepted.get(0);
      List<Object> read = new ArrayList<>();
      s.pipeline().addLast(new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
          read.add(msg);
          ((ByteBuf) msg).release();
        }
      });
      s.read();
      p.channel.runPendingTasks();
      assertThat(read).hasSize(2);
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.WINDOW_UPDATE, YamuxFrame.ACK, 1, 200 * KIB));
      p.receive(data(1, 0, 256 * KIB));
      assertThat(p.channel.isOpen()).isTrue();
    }
  }

  @Test
  void ackRidesOnTheFirstFrameWeSendOnAnInboundStream() {
    try (EmbeddedPeer p = responder()) {
      p.sentHeaders();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      YamuxStreamChannel s = p.accepted.get(0);
      s.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
      s.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {2}));
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.DATA, YamuxFrame.ACK, 1, 1),
          new EmbeddedPeer.Header(YamuxFrameType.DATA, 0, 1, 1));
    }
  }

  @Test
  void synCarriedByADataFrameOpensTheStreamWithThatData() {
    List<Integer> sizes = new ArrayList<>();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, EmbeddedPeer.testConfig().build(),
        ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            sizes.add(((ByteBuf) msg).readableBytes());
            ((ByteBuf) msg).release();
          }
        }))) {
      p.receive(data(1, YamuxFrame.SYN, 5));
      assertThat(sizes).containsExactly(5);
    }
  }

  @Test
  void synWithABigWindowUpdateRaisesOurSendWindow() {
    try (EmbeddedPeer p = responder()) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 768 * KIB));
      assertThat(p.accepted.get(0).sendWindow()).isEqualTo(1024 * KIB);
    }
  }

  @Test
  void writesStopAtTheRemoteWindowAndResumeOnUpdate() throws Exception {
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, EmbeddedPeer.testConfig().build(), ch -> {})) {
      p.sentHeaders();
      YamuxStreamChannel s = (YamuxStreamChannel) p.session.openStream(NOTHING).get();
      assertThat(s.streamId()).as("initiator uses odd ids").isEqualTo(1);
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.SYN, 1, 0));
      s.writeAndFlush(Unpooled.wrappedBuffer(new byte[300 * KIB]));
      long sent = p.sentHeaders().stream().mapToLong(EmbeddedPeer.Header::length).sum();
      assertThat(sent).isEqualTo(256 * KIB);
      assertThat(s.sendWindow()).isZero();
      assertThat(s.isWritable()).isFalse();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.ACK, 100 * KIB));
      sent = p.sentHeaders().stream().mapToLong(EmbeddedPeer.Header::length).sum();
      assertThat(sent).isEqualTo(44 * KIB);
      assertThat(s.sendWindow()).isEqualTo(56 * KIB);
      assertThat(s.isWritable()).isTrue();
    }
  }

  @Test
  void pingIsAnsweredAheadOfALargeQueuedWrite() throws Exception {
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, EmbeddedPeer.testConfig().build(), ch -> {})) {
      YamuxStreamChannel s = (YamuxStreamChannel) p.session.openStream(NOTHING).get();
      s.writeAndFlush(Unpooled.wrappedBuffer(new byte[4096 * KIB]));
      p.sentHeaders();
      assertThat(s.hasPendingWrites()).as("3.75 MiB wait for window").isTrue();
      p.receive(YamuxFrame.ping(YamuxFrame.SYN, 7));
      assertThat(p.sent()).as("the answer does not wait behind the stream's data")
          .containsExactly(YamuxFrame.ping(YamuxFrame.ACK, 7));
    }
  }

  @Test
  void exhaustingTheWindowExactlyMakesTheStreamUnwritableUntilTheUpdate() throws Exception {
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, EmbeddedPeer.testConfig().build(), ch -> {})) {
      YamuxStreamChannel s = (YamuxStreamChannel) p.session.openStream(NOTHING).get();
      s.writeAndFlush(Unpooled.wrappedBuffer(new byte[256 * KIB]));
      p.sentHeaders();
      assertThat(s.isWritable()).isFalse();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.ACK, 1));
      assertThat(s.isWritable()).isTrue();
    }
  }

  @Test
  void initialWindowAboveTheSpecDefaultIsAnnouncedWithTheSyn() throws Exception {
    YamuxConfig c = EmbeddedPeer.testConfig().initialStreamWindow(1024 * KIB).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, c, ch -> {})) {
      p.sentHeaders();
      YamuxStreamChannel s = (YamuxStreamChannel) p.session.openStream(NOTHING).get();
      assertThat(s.streamId()).as("responder uses even ids").isEqualTo(2);
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.WINDOW_UPDATE, YamuxFrame.SYN, 2, 768 * KIB));
      p.receive(data(2, YamuxFrame.ACK, 1024 * KIB));
      assertThat(p.channel.isOpen()).isTrue();
    }
  }

  @Test
  void remoteBeyondTheStreamLimitGetsRstThenIsCutOff() {
    YamuxConfig c = EmbeddedPeer.testConfig().maxStreams(2).maxStreamRejections(2).build();
    try (EmbeddedPeer p = responder(c)) {
      p.sentHeaders();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0),
          YamuxFrame.windowUpdate(3, YamuxFrame.SYN, 0),
          YamuxFrame.windowUpdate(5, YamuxFrame.SYN, 0),
          YamuxFrame.windowUpdate(7, YamuxFrame.SYN, 0));
      assertThat(p.accepted).hasSize(2);
      assertThat(p.session.activeStreams()).isEqualTo(2);
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST, 5, 0),
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST, 7, 0));
      assertThat(p.channel.isOpen()).isTrue();
      p.receive(YamuxFrame.windowUpdate(9, YamuxFrame.SYN, 0));
      assertCutWith(p, YamuxProtocol.GO_AWAY_PROTOCOL_ERROR);
    }
  }

  @Test
  void localOpenBeyondTheStreamLimitFails() throws Exception {
    YamuxConfig c = EmbeddedPeer.testConfig().maxStreams(1).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, c, ch -> {})) {
      p.session.openStream(NOTHING).get();
      CompletableFuture<Channel> second = p.session.openStream(NOTHING);
      assertThat(errorOf(second)).isEqualTo(YamuxError.STREAM_LIMIT);
    }
  }

  @Test
  void openWaitsWhileTheAckBacklogIsFull() throws Exception {
    YamuxConfig c = EmbeddedPeer.testConfig().ackBacklog(2).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, c, ch -> {})) {
      p.session.openStream(NOTHING).get();
      p.session.openStream(NOTHING).get();
      CompletableFuture<Channel> third = p.session.openStream(NOTHING);
      assertThat(third).isNotDone();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.ACK, 0));
      assertThat(third).isCompleted();
      assertThat(((YamuxStreamChannel) third.get()).streamId()).isEqualTo(5);
    }
  }

  @Test
  void remoteRstClosesTheStreamWithoutAnException() {
    List<Throwable> errors = new ArrayList<>();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, EmbeddedPeer.testConfig().build(),
        ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
          }
        }))) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      YamuxStreamChannel s = p.accepted.get(0);
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.RST, 0));
      assertThat(s.isOpen()).isFalse();
      assertThat(s.isReset()).isTrue();
      assertThat(errors).isEmpty();
      assertThat(p.session.activeStreams()).isZero();
      assertThat(p.channel.isOpen()).isTrue();
    }
  }

  @Test
  void remoteFinFiresInputShutdownAndTheStreamStaysWritable() {
    List<Object> events = new ArrayList<>();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, EmbeddedPeer.testConfig().build(),
        ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
          @Override
          public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
          }
        }))) {
      p.sentHeaders();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN | YamuxFrame.FIN, 0));
      YamuxStreamChannel s = p.accepted.get(0);
      assertThat(events).contains(ChannelInputShutdownEvent.INSTANCE);
      assertThat(s.isInputShutdown()).isTrue();
      s.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {9}));
      s.shutdownOutput();
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.DATA, YamuxFrame.ACK, 1, 1),
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.FIN, 1, 0));
      assertThat(s.isOpen()).as("closed once both sides are done").isFalse();
      assertThat(p.session.activeStreams()).isZero();
    }
  }

  @Test
  void anUnhandledExceptionInAStreamPipelineResetsThatStream() {
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, EmbeddedPeer.testConfig().build(),
        ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            throw new IllegalStateException("application bug");
          }
        }))) {
      p.sentHeaders();
      p.receive(data(1, YamuxFrame.SYN, 3));
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST | YamuxFrame.ACK, 1, 0));
      assertThat(p.accepted.get(0).isReset()).isTrue();
      assertThat(p.accepted.get(0).isOpen()).isFalse();
      assertThat(p.channel.isOpen()).isTrue();
    }
  }

  @Test
  void dataAfterTheRemotesFinResetsOnlyThatStream() {
    try (EmbeddedPeer p = responder()) {
      p.sentHeaders();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN | YamuxFrame.FIN, 0));
      p.receive(data(1, 0, 4));
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST | YamuxFrame.ACK, 1, 0));
      assertThat(p.accepted.get(0).isReset()).isTrue();
      assertThat(p.channel.isOpen()).isTrue();
    }
  }

  @Test
  void receivedGoAwayFailsNewOpensButKeepsStreams() {
    try (EmbeddedPeer p = responder()) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.receive(YamuxFrame.goAway(YamuxProtocol.GO_AWAY_NORMAL));
      CompletableFuture<Channel> f = p.session.openStream(NOTHING);
      assertThat(errorOf(f)).isEqualTo(YamuxError.GOING_AWAY);
      assertThat(p.session.remoteGoneAway()).isTrue();
      assertThat(p.accepted.get(0).isOpen()).isTrue();
    }
  }

  @Test
  void sentGoAwayRefusesNewInboundStreamsAndClosesWhenTheLastEnds() {
    try (EmbeddedPeer p = responder()) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.sentHeaders();
      p.session.goAway();
      p.receive(YamuxFrame.windowUpdate(3, YamuxFrame.SYN, 0));
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.GO_AWAY, 0, 0, 0),
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST, 3, 0));
      assertThat(p.channel.isOpen()).isTrue();
      p.accepted.get(0).reset();
      p.channel.runPendingTasks();
      assertThat(p.channel.isOpen()).isFalse();
    }
  }
}
