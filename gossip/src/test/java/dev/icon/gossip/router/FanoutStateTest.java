package dev.icon.gossip.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanoutStateTest {

  private final ManualNanoClock clock = new ManualNanoClock();
  private final FanoutState<String> fanout = FanoutState.create(GossipConfig.defaults(), clock);

  @Test
  void addAndQueryPeers() {
    fanout.addPeers("t", List.of("a", "b"));
    assertThat(fanout.contains("t")).isTrue();
    assertThat(fanout.peers("t")).containsExactly("a", "b");
    assertThat(fanout.peerCount("t")).isEqualTo(2);
    assertThat(fanout.peers("u")).isEmpty();
    assertThat(fanout.topics()).containsExactly("t");
  }

  @Test
  void returnedSetsAreSnapshots() {
    fanout.addPeers("t", List.of("a"));
    var snapshot = fanout.peers("t");
    fanout.addPeers("t", List.of("b"));
    assertThat(snapshot).containsExactly("a");
    assertThatThrownBy(() -> snapshot.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void expiresTtlAfterLastPublish() {
    fanout.addPeers("t", List.of("a"));
    fanout.addPeers("u", List.of("b"));
    clock.advance(Duration.ofSeconds(30));
    fanout.published("t");
    clock.advance(Duration.ofSeconds(30));
    assertThat(fanout.expire()).containsExactly("u");
    assertThat(fanout.contains("t")).isTrue();
    clock.advance(Duration.ofSeconds(29));
    assertThat(fanout.expire()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(fanout.expire()).containsExactly("t");
    assertThat(fanout.topics()).isEmpty();
  }

  @Test
  void publishCreatesEmptyState() {
    fanout.published("t");
    assertThat(fanout.contains("t")).isTrue();
    assertThat(fanout.peerCount("t")).isZero();
  }

  @Test
  void removePeerFromOneOrAllTopics() {
    fanout.addPeers("t", List.of("a", "b"));
    fanout.addPeers("u", List.of("a", "c"));
    assertThat(fanout.removePeer("t", "b")).isTrue();
    assertThat(fanout.removePeer("t", "b")).isFalse();
    assertThat(fanout.removePeer("nope", "b")).isFalse();
    fanout.removePeerEverywhere("a");
    assertThat(fanout.peers("t")).isEmpty();
    assertThat(fanout.peers("u")).containsExactly("c");
  }

  @Test
  void removeTopicHandsItsPeersToTheMesh() {
    fanout.addPeers("t", List.of("a", "b"));
    assertThat(fanout.remove("t")).containsExactlyInAnyOrder("a", "b");
    assertThat(fanout.contains("t")).isFalse();
    assertThat(fanout.remove("t")).isEmpty();
  }
}
