package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GossipStatsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private void count(String direction, String remote, String type, double n) {
    Counter.builder("icon.gossip.control." + direction).tag("remote", remote).tag("type", type)
        .tag("peer", "self").register(registry).increment(n);
  }

  @Test
  @SuppressWarnings("unchecked")
  void controlCountersBecomePerPeerAndTotalCountsWithTheJsFieldNames() {
    count("sent", "P", "ihave", 2);
    count("sent", "P", "ihave_ids", 7);
    count("received", "P", "iwant", 1);
    count("received", "Q", "graft", 1);
    count("received", "Q", "unknown-kind", 5); // ignored

    Map<String, Object> s = new GossipStats(registry, "icon.gossip").snapshot();
    Map<String, Map<String, Long>> peers = (Map<String, Map<String, Long>>) s.get("peers");
    assertThat(peers).containsOnlyKeys("P", "Q");
    assertThat(peers.get("P")).containsEntry("ihave_sent", 2L).containsEntry("ihave_ids_sent", 7L)
        .containsEntry("iwant_received", 1L).containsEntry("prune_sent", 0L).hasSize(12);
    Map<String, Long> total = (Map<String, Long>) s.get("total");
    assertThat(total).containsEntry("graft_received", 1L).containsEntry("ihave_sent", 2L)
        .hasSize(12);
  }

  @Test
  @SuppressWarnings("unchecked")
  void noCountersGiveNoPeersAndZeroTotals() {
    Map<String, Object> s = new GossipStats(registry, "icon.gossip").snapshot();
    assertThat((Map<?, ?>) s.get("peers")).isEmpty();
    assertThat(((Map<String, Long>) s.get("total")).values()).containsOnly(0L);
  }
}
