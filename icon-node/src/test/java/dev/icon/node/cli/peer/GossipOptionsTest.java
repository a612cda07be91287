package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.gossip.api.GossipSettings;
import dev.icon.gossip.router.GossipConfig;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.StandardMessageIdFunction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GossipOptionsTest {

  private final PeerCli cli = new PeerCli();

  private int runPeer(String... args) {
    return cli.run(args);
  }

  private static PeerCommand parse(String... args) {
    return PeerCli.parse(args);
  }

  @Test
  void readsGossipOptionsAndSplitsPublishAtTheFirstEqualsSign() {
    GossipOptions o = parse("--subscribe", "a", "b", "--publish", "a=x=1", "b=",
        "--publish-delay", "0", "--gossip-d", "3", "--flood-publish", "false",
        "--allow-publish-to-zero-peers", "--msg-id", "from-seqno", "--gossip-stats").gossip;
    assertThat(o.enabled()).isTrue();
    assertThat(o.subscribe).containsExactly("a", "b");
    assertThat(o.publish).containsExactly(new PublishSpec("a", "x=1"), new PublishSpec("b", ""));
    assertThat(o.publishDelayMs).isZero();
    assertThat(o.gossipD).isEqualTo(3);
    assertThat(o.floodPublish).isFalse();
    assertThat(o.allowPublishToZeroPeers).isTrue();
    assertThat(o.msgId).isEqualTo("from-seqno");
    assertThat(o.gossipStats).isTrue();
  }

  @Test
  void gossipIsOffWithoutGossipOptionsAndLoadSettingsHaveTheJsDefaults() {
    assertThat(parse().gossip.enabled()).isFalse();
    GossipOptions o = parse("--load-publish", "t").gossip;
    assertThat(List.of(o.enabled(), o.loadCountOrDefault(), o.loadRateOrDefault(),
        o.loadSizeOrDefault(), o.publishDelayMs))
        .containsExactly(true, 1000, 100.0, 1024, 1000L);
  }

  @Test
  void settingsCarryTheMeshDegreesFloodPublishAndMessageIdChoice() {
    GossipOptions o = parse("--gossip-d", "3", "--flood-publish", "false",
        "--allow-publish-to-zero-peers", "--msg-id", "from-seqno").gossip;
    GossipSettings s = o.settings(GossipSettings.defaults());
    GossipConfig c = s.config();
    assertThat(List.of(c.d(), c.dLow(), c.dHigh(), c.dScore(), c.dOut()))
        .containsExactly(3, 2, 6, 2, 1);
    assertThat(c.floodPublish()).isFalse();
    assertThat(s.allowPublishToZeroPeers()).isTrue();
    assertThat(s.idFunction()).isEqualTo(StandardMessageIdFunction.FROM_SEQNO);
    assertThat(s.signaturePolicy()).isEqualTo(SignaturePolicy.STRICT_SIGN);
    assertThat(parse("--subscribe", "t").gossip.settings(GossipSettings.defaults()))
        .as("no knobs: the documented defaults").isEqualTo(GossipSettings.defaults());
  }

  @ParameterizedTest
  @CsvSource({"1, 1, 1, 2, 1, 0", "2, 2, 2, 4, 2, 1", "3, 3, 2, 6, 2, 1", "6, 6, 4, 12, 4, 2",
      "8, 8, 6, 16, 4, 2", "50, 50, 34, 100, 4, 2"})
  void meshDegreesFollowTheJsPeerRuleAndPassTheConfigInvariants(int n, int d, int dLow,
      int dHigh, int dScore, int dOut) {
    assertThat(MeshDegrees.of(n)).isEqualTo(new MeshDegrees(d, dLow, dHigh, dScore, dOut));
    GossipConfig c = MeshDegrees.of(n).applyTo(GossipConfig.builder()).build();
    assertThat(c.d()).isEqualTo(d);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--publish no-equals-sign | expected TOPIC=TEXT",
      "--publish =text | expected TOPIC=TEXT",
      "--load-publish t --load-rate -5 | --load-rate: not a positive number",
      "--load-publish t --load-rate 0 | --load-rate: not a positive number",
      "--load-publish t --load-count -1 | --load-count: not a positive integer",
      "--load-publish t --load-size 15 | at least 16 bytes",
      "--load-count 5 | require --load-publish",
      "--load-warmup 5 | require --load-publish",
      "--load-publish t --load-warmup -1 | --load-warmup: not a non-negative integer",
      "--gossip-d 0 | --gossip-d: not a positive integer",
      "--msg-id sha256 | expected one of pubkey-seqno, from-seqno",
      "--publish-delay -1 | --publish-delay: must not be negative",
      "--flood-publish yes | --flood-publish"})
  void badGossipOptionsAreUsageErrorsWithAClearMessage(String args, String message) {
    assertThat(runPeer(args.strip().split(" "))).isEqualTo(2);
    assertThat(cli.err()).contains(message);
  }
}
