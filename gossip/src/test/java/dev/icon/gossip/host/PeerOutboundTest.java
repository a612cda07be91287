package dev.icon.gossip.host;

import static dev.icon.gossip.host.GossipNodes.await;
import static dev.icon.gossip.host.GossipNodes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PrivateKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-peer queue on a real stream whose reader stops reading. */
class PeerOutboundTest {
  private static final String SINK = "/test/sink/1.0.0";
  private final GossipNodes nodes = new GossipNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void aPeerThatStopsReadingFillsItsQueueAndFurtherFramesAreDroppedAndCounted() {
    Host reader = nodes.host(PrivateKey.generateEd25519());
    Host writer = nodes.host(PrivateKey.generateEd25519());
    reader.addProtocol(SINK, s -> { }); // never sets a reader: the muxer window fills up
    get(writer.dial(reader.listenAddrs().get(0).withPeerId(reader.peerId())));
    Stream stream = get(writer.newStream(reader.peerId(), List.of(SINK)));
    GossipMetrics metrics = new GossipMetrics(new SimpleMeterRegistry(), "t", "me");
    long max = 1 << 20;
    PeerOutbound out = new PeerOutbound(max, metrics);
    out.attach(stream);

    int accepted = 0;
    for (int i = 0; i < 400; i++) {
      if (out.enqueue(new byte[16 * 1024])) {
        accepted++;
      }
      assertThat(out.pendingBytes()).isLessThanOrEqualTo(max);
    }

    assertThat(metrics.framesDropped.count()).isPositive();
    assertThat(accepted + (int) metrics.framesDropped.count()).isEqualTo(400);
    assertThat(metrics.rpcsOut.count()).isEqualTo(accepted);
    out.close();
    assertThat(out.enqueue(new byte[1])).isFalse();
  }

  @Test
  void anIdleLinkWritesAFrameAtOnceAndFramesQueuedDuringAWriteGoOutAsOneWrite() {
    GossipMetrics metrics = new GossipMetrics(new SimpleMeterRegistry(), "t", "me");
    PeerOutbound out = new PeerOutbound(1 << 20, metrics);
    RecordingStream stream = new RecordingStream();
    out.attach(stream);

    out.enqueue(new byte[] {1});
    assertThat(stream.writes).as("idle link: written at once").hasSize(1);
    for (byte b = 2; b <= 50; b++) {
      out.enqueue(new byte[] {b, b});
    }
    assertThat(stream.writes).as("one write in flight").hasSize(1);
    assertThat(out.pendingBytes()).isEqualTo(1 + 49 * 2);

    stream.completeNext();
    assertThat(stream.writes).as("the 49 queued frames coalesced").hasSize(2);
    byte[] batch = stream.writes.get(1);
    assertThat(batch).hasSize(98);
    for (int i = 0; i < 49; i++) {
      assertThat(batch[2 * i]).isEqualTo((byte) (i + 2));
    }
    stream.completeNext();
    assertThat(out.pendingBytes()).isZero();
    assertThat(metrics.rpcsOut.count()).as("RPCs are still counted one by one").isEqualTo(50);
  }

  @Test
  void aCoalescedWriteNeverExceedsTheBatchLimitAndKeepsOrder() {
    PeerOutbound out = new PeerOutbound(1 << 20,
        new GossipMetrics(new SimpleMeterRegistry(), "t", "me"));
    RecordingStream stream = new RecordingStream();
    out.attach(stream);
    int frame = 10_000;
    for (int i = 0; i < 20; i++) {
      byte[] f = new byte[frame];
      f[0] = (byte) i;
      out.enqueue(f);
    }
    while (stream.pending.stream().anyMatch(f -> !f.isDone())) {
      stream.completeNext();
    }
    int next = 0;
    for (byte[] w : stream.writes) {
      assertThat(w.length).isLessThanOrEqualTo(PeerOutbound.MAX_BATCH);
      for (int at = 0; at < w.length; at += frame) {
        assertThat(w[at]).isEqualTo((byte) next++);
      }
    }
    assertThat(next).isEqualTo(20);
    assertThat(stream.writes).as("1 + ceil(19 / 6) writes").hasSize(5);
  }

  @Test
  void framesQueuedBeforeTheStreamIsAttachedAreWrittenInOrder() {
    Host reader = nodes.host(PrivateKey.generateEd25519());
    Host writer = nodes.host(PrivateKey.generateEd25519());
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    reader.addProtocol(SINK, s -> s.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {
        synchronized (got) {
          byte[] b = new byte[data.remaining()];
          data.get(b);
          got.writeBytes(b);
        }
      }
    }));
    get(writer.dial(reader.listenAddrs().get(0).withPeerId(reader.peerId())));
    PeerOutbound out = new PeerOutbound(1 << 20,
        new GossipMetrics(new SimpleMeterRegistry(), "t", "me"));
    for (int i = 0; i < 100; i++) {
      out.enqueue(new byte[] {(byte) i});
    }

    out.attach(get(writer.newStream(reader.peerId(), List.of(SINK))));

    await().until(() -> {
      synchronized (got) {
        return got.size() == 100;
      }
    });
    byte[] bytes;
    synchronized (got) {
      bytes = got.toByteArray();
    }
    for (int i = 0; i < 100; i++) {
      assertThat(bytes[i]).isEqualTo((byte) i);
    }
    await().until(() -> out.pendingBytes() == 0);
  }
}
