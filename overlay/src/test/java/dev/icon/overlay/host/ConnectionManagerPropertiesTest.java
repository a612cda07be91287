package dev.icon.overlay.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the connection manager under arbitrary sequences of operations. */
class ConnectionManagerPropertiesTest {

  private record Conn(PeerId peer, Instant openedAt) implements ManagedConnection {
    @Override public int activeStreams() { return 0; }
    @Override public Instant lastActive() { return openedAt; }
    @Override public boolean isOpen() { return true; }
    @Override public CompletableFuture<Void> close() { return CompletableFuture.completedFuture(null); }
  }

  @Property(tries = 500)
  void limitsHoldForAnyOperationSequence(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 39) Integer> ops,
      @ForAll @IntRange(min = 1, max = 8) int maxTotal,
      @ForAll @IntRange(min = 1, max = 3) int maxPerPeer) {
    HostConfig config = HostConfig.builder().maxConnections(maxTotal).maxConnectionsPerPeer(maxPerPeer)
        .watermarks(0, maxTotal).build();
    ConnectionManager<Conn> m = new ConnectionManager<>(config, new MutableClock(Instant.EPOCH));
    List<Conn> registered = new ArrayList<>();
    int reserved = 0;
    for (int op : ops) {
      int kind = op % 4;
      PeerId peer = PeerId.fromBytes(new byte[] {0, 1, (byte) (op / 4)});
      if (kind == 0 && m.tryReservePending()) {
        reserved++;
      } else if (kind == 1 && reserved > 0) {
        reserved--;
        Conn c = new Conn(peer, Instant.EPOCH);
        if (m.register(c)) {
          registered.add(c);
        }
      } else if (kind == 2 && !registered.isEmpty()) {
        m.unregister(registered.remove(0));
      } else if (kind == 3 && reserved > 0) {
        reserved--;
        m.releasePending();
      }
      assertThat(m.size()).isLessThanOrEqualTo(maxTotal).isEqualTo(registered.size() + reserved);
      for (Conn c : registered) {
        assertThat(m.connections(c.peer())).hasSizeLessThanOrEqualTo(maxPerPeer);
      }
    }
  }
}
