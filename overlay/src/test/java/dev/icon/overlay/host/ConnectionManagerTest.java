package dev.icon.overlay.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionManagerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  /** A connection double whose streams and activity the test sets. */
  final class FakeConnection implements ManagedConnection {
    final PeerId peer;
    final Instant openedAt = clock.instant();
    Instant lastActive = openedAt;
    int streams;
    boolean open = true;

    FakeConnection(int peer) {
      this.peer = PeerId.fromBytes(new byte[] {0, 1, (byte) peer});
    }

    @Override public PeerId peer() { return peer; }
    @Override public int activeStreams() { return streams; }
    @Override public Instant openedAt() { return openedAt; }
    @Override public Instant lastActive() { return lastActive; }
    @Override public boolean isOpen() { return open; }

    @Override
    public CompletableFuture<Void> close() {
      open = false;
      return CompletableFuture.completedFuture(null);
    }
  }

  private ConnectionManager<FakeConnection> manager(HostConfig.Builder b) {
    return new ConnectionManager<>(b.build(), clock);
  }

  private static FakeConnection add(ConnectionManager<FakeConnection> m, FakeConnection c) {
    assertThat(m.tryReservePending()).isTrue();
    assertThat(m.register(c)).isTrue();
    return c;
  }

  @Test
  void totalLimitCountsConnectionsBeingUpgraded() {
    var m = manager(HostConfig.builder().maxConnections(3).watermarks(1, 2));
    add(m, new FakeConnection(1));
    assertThat(m.tryReservePending()).isTrue();
    assertThat(m.tryReservePending()).isTrue();
    assertThat(m.tryReservePending()).isFalse();
    m.releasePending();
    assertThat(m.tryReservePending()).isTrue();
    assertThat(m.size()).isEqualTo(3);
  }

  @Test
  void perPeerLimitRefusesAndReleasesSlot() {
    var m = manager(HostConfig.builder().maxConnectionsPerPeer(1));
    add(m, new FakeConnection(7));
    assertThat(m.tryReservePending()).isTrue();
    assertThat(m.register(new FakeConnection(7))).isFalse();
    assertThat(m.size()).isEqualTo(1);
    assertThat(m.connections(new FakeConnection(7).peer)).hasSize(1);
  }

  @Test
  void unregisterFreesTheSlot() {
    var m = manager(HostConfig.builder().maxConnections(1).watermarks(0, 1));
    FakeConnection c = add(m, new FakeConnection(1));
    assertThat(m.tryReservePending()).isFalse();
    m.unregister(c);
    m.unregister(c);
    assertThat(m.size()).isZero();
    assertThat(m.tryReservePending()).isTrue();
  }

  @Test
  void concurrentDialsToOnePeerShareOneFuture() {
    var m = manager(HostConfig.builder());
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<String> inner = new CompletableFuture<>();
    CompletableFuture<String> a = m.dedupe("peer", () -> { started.incrementAndGet(); return inner; });
    CompletableFuture<String> b = m.dedupe("peer", () -> { started.incrementAndGet(); return inner; });
    assertThat(b).isSameAs(a);
    assertThat(started).hasValue(1);
    inner.complete("conn");
    assertThat(a).isCompletedWithValue("conn");
    CompletableFuture<String> c = m.dedupe("peer", () -> CompletableFuture.completedFuture("second"));
    assertThat(c).isCompletedWithValue("second");
    assertThat(started).hasValue(1);
  }

  @Test
  void failedDialIsNotCachedAndFailsAllWaiters() {
    var m = manager(HostConfig.builder());
    CompletableFuture<String> inner = new CompletableFuture<>();
    CompletableFuture<String> a = m.dedupe("p", () -> inner);
    CompletableFuture<String> b = m.dedupe("p", () -> inner);
    inner.completeExceptionally(new IllegalStateException("boom"));
    assertThat(a).isCompletedExceptionally();
    assertThat(b).isCompletedExceptionally();
    assertThat(m.dedupe("p", () -> CompletableFuture.completedFuture("ok"))).isCompletedWithValue("ok");
  }

  @Test
  void idleConnectionsCloseAfterIdleTimeoutOnly() {
    var m = manager(HostConfig.builder().idleTimeout(Duration.ofSeconds(30)));
    FakeConnection idle = add(m, new FakeConnection(1));
    FakeConnection busy = add(m, new FakeConnection(2));
    busy.streams = 1;
    clock.advance(Duration.ofSeconds(29));
    assertThat(m.maintain()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(m.maintain()).containsExactly(idle);
    assertThat(idle.open).isFalse();
    assertThat(busy.open).isTrue();
  }

  @Test
  void recentActivityPostponesIdleClose() {
    var m = manager(HostConfig.builder().idleTimeout(Duration.ofSeconds(30)));
    FakeConnection c = add(m, new FakeConnection(1));
    clock.advance(Duration.ofSeconds(20));
    c.lastActive = clock.instant();
    clock.advance(Duration.ofSeconds(20));
    assertThat(m.maintain()).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(m.maintain()).containsExactly(c);
  }

  @Test
  void aboveHighWatermarkTrimsLeastUsefulDownToLow() {
    var m = manager(HostConfig.builder().maxConnections(10).watermarks(3, 5)
        .gracePeriod(Duration.ofSeconds(10)).idleTimeout(Duration.ofHours(1)));
    List<FakeConnection> cs = IntStream.range(0, 7).mapToObj(i -> add(m, new FakeConnection(i))).toList();
    for (int i = 0; i < cs.size(); i++) {
      cs.get(i).streams = i;
    }
    assertThat(m.maintain()).as("all within grace period").isEmpty();
    clock.advance(Duration.ofSeconds(11));
    List<FakeConnection> closed = m.maintain();
    assertThat(closed).containsExactly(cs.get(0), cs.get(1), cs.get(2), cs.get(3));
    assertThat(cs.subList(4, 7)).allMatch(c -> c.open);
  }

  @Test
  void atOrBelowHighWatermarkNothingIsTrimmed() {
    var m = manager(HostConfig.builder().maxConnections(10).watermarks(1, 3)
        .gracePeriod(Duration.ZERO).idleTimeout(Duration.ofHours(1)));
    IntStream.range(0, 3).forEach(i -> add(m, new FakeConnection(i)).streams = 1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(m.maintain()).isEmpty();
  }

  @Test
  void bestPicksOpenConnectionWithFewestStreams() {
    var m = manager(HostConfig.builder().maxConnectionsPerPeer(3));
    FakeConnection a = add(m, new FakeConnection(1));
    FakeConnection b = add(m, new FakeConnection(1));
    FakeConnection c = add(m, new FakeConnection(1));
    a.streams = 5;
    b.streams = 1;
    c.streams = 0;
    c.open = false;
    assertThat(m.best(a.peer)).contains(b);
  }
}
