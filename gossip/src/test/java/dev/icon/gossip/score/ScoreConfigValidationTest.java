package dev.icon.gossip.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreConfigValidationTest {

  @Test
  void profilesAreValid() {
    assertThat(TopicScoreParams.defaults().topicWeight()).isPositive();
    assertThat(TopicScoreParams.disabled().invalidMessageDeliveriesWeight()).isZero();
    assertThat(PeerScoreParams.defaults().topics()).isEmpty();
    assertThat(PeerScoreParams.disabled().ipColocationFactorWeight()).isZero();
    PeerScoreThresholds t = PeerScoreThresholds.defaults();
    assertThat(t.graylistThreshold()).isLessThan(t.publishThreshold());
    assertThat(t.publishThreshold()).isLessThan(t.gossipThreshold());
    assertThat(PeerScoreThresholds.disabled().gossipThreshold()).isZero();
  }

  static Stream<Arguments> badTopic() {
    return Stream.of(
        bad("topicWeight", b -> b.topicWeight(-0.1)),
        bad("timeInMeshWeight", b -> b.timeInMeshWeight(-1)),
        bad("timeInMeshQuantum", b -> b.timeInMeshQuantum(Duration.ZERO)),
        bad("timeInMeshCap", b -> b.timeInMeshCap(0)),
        bad("firstMessageDeliveriesWeight", b -> b.firstMessageDeliveriesWeight(-1)),
        bad("firstMessageDeliveriesDecay", b -> b.firstMessageDeliveriesDecay(1.0)),
        bad("firstMessageDeliveriesDecay", b -> b.firstMessageDeliveriesDecay(0)),
        bad("firstMessageDeliveriesCap", b -> b.firstMessageDeliveriesCap(0)),
        bad("meshMessageDeliveriesWeight", b -> b.meshMessageDeliveriesWeight(0.5)),
        bad("meshMessageDeliveriesDecay", b -> b.meshMessageDeliveriesDecay(1.5)),
        bad("meshMessageDeliveriesThreshold", b -> b.meshMessageDeliveriesThreshold(0)),
        bad("meshMessageDeliveriesCap", b -> b.meshMessageDeliveriesThreshold(5).meshMessageDeliveriesCap(4)),
        bad("meshMessageDeliveriesWindow", b -> b.meshMessageDeliveriesWindow(Duration.ofMillis(-1))),
        bad("meshMessageDeliveriesActivation", b -> b.meshMessageDeliveriesActivation(null)),
        bad("meshFailurePenaltyWeight", b -> b.meshFailurePenaltyWeight(1)),
        bad("meshFailurePenaltyDecay", b -> b.meshFailurePenaltyDecay(-0.5)),
        bad("invalidMessageDeliveriesWeight", b -> b.invalidMessageDeliveriesWeight(0.1)),
        bad("invalidMessageDeliveriesDecay", b -> b.invalidMessageDeliveriesDecay(Double.NaN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTopic")
  void topicParamsNameTheBadField(String field, UnaryOperator<TopicScoreParams.Builder> change) {
    assertThatThrownBy(() -> change.apply(TopicScoreParams.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }

  static Stream<Arguments> badPeer() {
    return Stream.of(
        badP("topicScoreCap", b -> b.topicScoreCap(-1)),
        badP("appSpecificScore", b -> b.appSpecificScore(null)),
        badP("appSpecificWeight", b -> b.appSpecificWeight(-1)),
        badP("ipColocationFactorWeight", b -> b.ipColocationFactorWeight(1)),
        badP("ipColocationFactorThreshold", b -> b.ipColocationFactorThreshold(0.5)),
        badP("ipColocationFactorWhitelist", b -> b.ipColocationFactorWhitelist(null)),
        badP("behaviourPenaltyWeight", b -> b.behaviourPenaltyWeight(2)),
        badP("behaviourPenaltyThreshold", b -> b.behaviourPenaltyThreshold(-1)),
        badP("behaviourPenaltyDecay", b -> b.behaviourPenaltyDecay(1)),
        badP("decayInterval", b -> b.decayInterval(Duration.ZERO)),
        badP("decayToZero", b -> b.decayToZero(0)),
        badP("retainScore", b -> b.retainScore(Duration.ofSeconds(-1))),
        badP("deliveryRecordTtl", b -> b.deliveryRecordTtl(Duration.ZERO)),
        badP("maxDeliveryRecords", b -> b.maxDeliveryRecords(0)),
        badP("topics[t]", b -> b.topic("t", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPeer")
  void peerParamsNameTheBadField(String field, UnaryOperator<PeerScoreParams.Builder> change) {
    assertThatThrownBy(() -> change.apply(PeerScoreParams.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }

  static Stream<Arguments> badThresholds() {
    return Stream.of(
        badT("gossipThreshold", b -> b.gossipThreshold(0.1)),
        badT("publishThreshold", b -> b.gossipThreshold(-10).publishThreshold(-9)),
        badT("graylistThreshold", b -> b.publishThreshold(-50).graylistThreshold(-49)),
        badT("acceptPXThreshold", b -> b.acceptPXThreshold(-1)),
        badT("opportunisticGraftThreshold", b -> b.opportunisticGraftThreshold(-0.5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badThresholds")
  void thresholdsNameTheBadField(String field, UnaryOperator<PeerScoreThresholds.Builder> change) {
    assertThatThrownBy(() -> change.apply(PeerScoreThresholds.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }

  @Test
  void thresholdPredicatesCompareAsTheSpecSays() {
    PeerScoreThresholds t = PeerScoreThresholds.defaults();
    assertThat(t.allowsGossip(-10)).isTrue();
    assertThat(t.allowsGossip(-10.01)).isFalse();
    assertThat(t.allowsPublish(-50)).isTrue();
    assertThat(t.allowsPublish(-50.5)).isFalse();
    assertThat(t.isGraylisted(-80)).isFalse();
    assertThat(t.isGraylisted(-80.5)).isTrue();
    assertThat(t.acceptsPeerExchange(9.99)).isFalse();
    assertThat(t.acceptsPeerExchange(10)).as("go and js accept at equality").isTrue();
  }

  @Test
  void paramsCopyTheirCollections() {
    var builder = PeerScoreParams.builder().topic("a", TopicScoreParams.defaults());
    PeerScoreParams params = builder.build();
    builder.topic("b", TopicScoreParams.defaults());
    assertThat(params.topics()).containsOnlyKeys("a");
    assertThatThrownBy(() -> params.topics().put("c", TopicScoreParams.defaults()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Arguments bad(String field, UnaryOperator<TopicScoreParams.Builder> change) {
    return Arguments.of(field, change);
  }

  private static Arguments badP(String field, UnaryOperator<PeerScoreParams.Builder> change) {
    return Arguments.of(field, change);
  }

  private static Arguments badT(String field, UnaryOperator<PeerScoreThresholds.Builder> change) {
    return Arguments.of(field, change);
  }
}
