package dev.icon.gossip.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GossipConfigTest {

  @Test
  void defaultsAreTheSpecs() {
    GossipConfig c = GossipConfig.defaults();
    assertThat(new int[] {c.d(), c.dLow(), c.dHigh(), c.dLazy(), c.dScore(), c.dOut()})
        .containsExactly(6, 5, 12, 6, 4, 2);
    assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.fanoutTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.mcacheLength()).isEqualTo(5);
    assertThat(c.mcacheGossip()).isEqualTo(3);
    assertThat(c.seenTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.gossipFactor()).isEqualTo(0.25);
    assertThat(c.pruneBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.unsubscribeBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.graftFloodThreshold()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.opportunisticGraftTicks()).isEqualTo(60);
    assertThat(c.opportunisticGraftPeers()).isEqualTo(2);
    assertThat(c.gossipRetransmission()).isEqualTo(3);
    assertThat(c.maxIhaveLength()).isEqualTo(5000);
    assertThat(c.maxIhaveMessages()).isEqualTo(10);
    assertThat(c.iwantFollowupTime()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.idontwantMessageSizeThreshold()).isEqualTo(1024);
    assertThat(c.idontwantTtlHeartbeats()).isEqualTo(3);
    assertThat(c.floodPublish()).isTrue();
    assertThat(c.directConnectTicks()).isEqualTo(300);
  }

  @Test
  void forTestsHasAFastHeartbeatAndSpecDegrees() {
    GossipConfig c = GossipConfig.forTests();
    assertThat(c.heartbeatInterval()).isLessThan(Duration.ofMillis(100));
    assertThat(c.d()).isEqualTo(6);
    assertThat(c.iwantFollowupTime()).isLessThan(GossipConfig.defaults().iwantFollowupTime());
  }

  @Test
  void toBuilderRoundTrips() {
    GossipConfig c = GossipConfig.builder().d(8).dHigh(16).dScore(6).build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @Test
  void bootstrapperWithEmptyMeshIsValid() {
    GossipConfig c = GossipConfig.builder().d(0).dLow(0).dHigh(0).dOut(0).dScore(0).build();
    assertThat(c.d()).isZero();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        bad("dLow", b -> b.dLow(7)),
        bad("dHigh", b -> b.dHigh(5)),
        bad("d", b -> b.d(-1)),
        bad("dScore", b -> b.dScore(13)),
        bad("dOut", b -> b.dOut(4)),
        bad("dOut", b -> b.dLow(2).dOut(2)),
        bad("dLazy", b -> b.dLazy(-1)),
        bad("gossipFactor", b -> b.gossipFactor(1.5)),
        bad("gossipFactor", b -> b.gossipFactor(-0.1)),
        bad("gossipFactor", b -> b.gossipFactor(Double.NaN)),
        bad("heartbeatInterval", b -> b.heartbeatInterval(Duration.ZERO)),
        bad("heartbeatInitialDelay", b -> b.heartbeatInitialDelay(Duration.ofMillis(-1))),
        bad("fanoutTtl", b -> b.fanoutTtl(Duration.ofSeconds(-1))),
        bad("mcacheLength", b -> b.mcacheLength(0)),
        bad("mcacheGossip", b -> b.mcacheGossip(6)),
        bad("seenTtl", b -> b.seenTtl(Duration.ZERO)),
        bad("seenMaxEntries", b -> b.seenMaxEntries(0)),
        bad("pruneBackoff", b -> b.pruneBackoff(Duration.ZERO)),
        bad("unsubscribeBackoff", b -> b.unsubscribeBackoff(Duration.ZERO)),
        bad("maxBackoff", b -> b.maxBackoff(Duration.ofSeconds(30))),
        bad("graftFloodThreshold", b -> b.graftFloodThreshold(Duration.ofSeconds(-1))),
        bad("opportunisticGraftTicks", b -> b.opportunisticGraftTicks(0)),
        bad("gossipRetransmission", b -> b.gossipRetransmission(0)),
        bad("maxIhaveLength", b -> b.maxIhaveLength(0)),
        bad("maxIhaveMessages", b -> b.maxIhaveMessages(0)),
        bad("iwantFollowupTime", b -> b.iwantFollowupTime(Duration.ZERO)),
        bad("idontwantMessageSizeThreshold", b -> b.idontwantMessageSizeThreshold(-1)),
        bad("idontwantTtlHeartbeats", b -> b.idontwantTtlHeartbeats(0)),
        bad("maxMessageSize", b -> b.maxMessageSize(0)),
        bad("maxSubscriptionsPerRpc", b -> b.maxSubscriptionsPerRpc(0)),
        bad("maxTopicsPerPeer", b -> b.maxTopicsPerPeer(0)),
        bad("prunePeers", b -> b.prunePeers(-1)),
        bad("maxTrackedTopics", b -> b.maxTrackedTopics(0)),
        bad("directConnectTicks", b -> b.directConnectTicks(0)),
        bad("directConnectInitialDelay", b -> b.directConnectInitialDelay(null)));
  }

  private static Arguments bad(String field, UnaryOperator<GossipConfigBuilder> edit) {
    return Arguments.of(field, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void buildNamesTheFieldAtFault(String field, UnaryOperator<GossipConfigBuilder> edit) {
    assertThatThrownBy(() -> edit.apply(GossipConfig.builder()).build())
        .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
        .hasMessageStartingWith(field);
  }

  @ParameterizedTest(name = "eligible={0} -> {1}")
  @CsvSource({"0,0", "3,3", "6,6", "10,6", "24,6", "28,7", "100,25"})
  void gossipTargetsIsFactorWithDLazyFloor(int eligible, int expected) {
    assertThat(GossipConfig.defaults().gossipTargets(eligible)).isEqualTo(expected);
  }
}
