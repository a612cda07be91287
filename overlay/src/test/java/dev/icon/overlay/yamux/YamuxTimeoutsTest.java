package dev.icon.overlay.yamux;

import static dev.icon.overlay.yamux.EmbeddedPeer.data;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.spi.Role;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Keepalive, close and go-away timeouts, driven by the embedded event loop's clock. */
class YamuxTimeoutsTest {

  private static void advance(EmbeddedPeer p, long millis) {
    p.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    p.channel.runScheduledPendingTasks();
    p.channel.runPendingTasks();
  }

  private static YamuxFrame onlyPing(List<YamuxFrame> sent) {
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).type()).isEqualTo(YamuxFrameType.PING);
    return sent.get(0);
  }

  @Test
  void unansweredKeepaliveCutsTheConnectionWithInternalError() {
    YamuxConfig c = YamuxConfig.builder().keepAliveInterval(Duration.ofSeconds(1))
        .pingTimeout(Duration.ofMillis(500)).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, c, ch -> {})) {
      p.channel.freezeTime();
      onlyPing(p.sent()); // the RTT probe; its timeout alone closes nothing
      advance(p, 1000);
      YamuxFrame ping = onlyPing(p.sent());
      p.receive(YamuxFrame.ping(YamuxFrame.ACK, ping.length()));
      advance(p, 600);
      assertThat(p.channel.isOpen()).as("answered keepalive").isTrue();
      advance(p, 400);
      onlyPing(p.sent());
      advance(p, 600);
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.GO_AWAY, 0, 0, YamuxProtocol.GO_AWAY_INTERNAL_ERROR));
      assertThat(p.channel.isOpen()).isFalse();
    }
  }

  @Test
  void busyConnectionIsNotCutWhileFramesKeepArrivingButASilentOneIs() {
    YamuxConfig c = YamuxConfig.builder().keepAliveInterval(Duration.ofSeconds(1))
        .pingTimeout(Duration.ofMillis(500)).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.INITIATOR, c, ch -> {})) {
      p.channel.freezeTime();
      p.sent().forEach(YamuxFrame::release); // the RTT probe
      p.receive(YamuxFrame.windowUpdate(2, YamuxFrame.SYN, 0)); // a stream the remote sends on
      advance(p, 500);
      for (int round = 0; round < 5; round++) {
        advance(p, 500);
        onlyPing(p.sent()).release(); // keepalive sent; the remote's answer waits behind its data
        for (int i = 0; i < 5; i++) {
          p.receive(data(2, 0, 1000));
          advance(p, 100);
        }
        assertThat(p.channel.isOpen()).as("round %d: a busy remote is alive", round).isTrue();
        p.sentHeaders(); // window updates
      }
      advance(p, 500); // the next keepalive, with nothing arriving at all
      onlyPing(p.sent()).release();
      advance(p, 500);
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.GO_AWAY, 0, 0, YamuxProtocol.GO_AWAY_INTERNAL_ERROR));
      assertThat(p.channel.isOpen()).isFalse();
    }
  }

  @Test
  void locallyClosedStreamIsResetWhenTheRemoteNeverFinishes() {
    YamuxConfig c = EmbeddedPeer.testConfig().streamCloseTimeout(Duration.ofSeconds(10)).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, c, ch -> {})) {
      p.channel.freezeTime();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.sentHeaders();
      p.accepted.get(0).close();
      assertThat(p.sentHeaders()).containsExactly(new EmbeddedPeer.Header(
          YamuxFrameType.WINDOW_UPDATE, YamuxFrame.FIN | YamuxFrame.ACK, 1, 0));
      assertThat(p.session.activeStreams()).as("waits for the remote's FIN").isEqualTo(1);
      advance(p, 10_000);
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST, 1, 0));
      assertThat(p.session.activeStreams()).isZero();
    }
  }

  @Test
  void remoteFinAfterLocalCloseEndsTheStream() {
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, EmbeddedPeer.testConfig().build(),
        ch -> {})) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.accepted.get(0).close();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.FIN, 0));
      assertThat(p.session.activeStreams()).isZero();
    }
  }

  @Test
  void dataAfterLocalCloseIsAnsweredWithRst() {
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, EmbeddedPeer.testConfig().build(),
        ch -> {})) {
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.accepted.get(0).close();
      p.sentHeaders();
      p.receive(data(1, 0, 10));
      assertThat(p.sentHeaders()).containsExactly(
          new EmbeddedPeer.Header(YamuxFrameType.WINDOW_UPDATE, YamuxFrame.RST, 1, 0));
      assertThat(p.session.activeStreams()).isZero();
      assertThat(p.channel.isOpen()).isTrue();
    }
  }

  @Test
  void goAwayClosesAfterItsTimeoutEvenWithStreamsOpen() {
    YamuxConfig c = EmbeddedPeer.testConfig().goAwayTimeout(Duration.ofSeconds(5)).build();
    try (EmbeddedPeer p = new EmbeddedPeer(Role.RESPONDER, c, ch -> {})) {
      p.channel.freezeTime();
      p.receive(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0));
      p.session.goAway();
      advance(p, 4_000);
      assertThat(p.channel.isOpen()).isTrue();
      advance(p, 1_000);
      assertThat(p.channel.isOpen()).isFalse();
      assertThat(p.accepted.get(0).isOpen()).isFalse();
      assertThat(p.session.goAway()).isDone();
    }
  }
}
