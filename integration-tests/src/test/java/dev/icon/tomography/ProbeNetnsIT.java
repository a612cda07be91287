package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.testing.Prerequisites;
import dev.icon.tomography.map.ClientPrefixes;
import dev.icon.tomography.map.IpPrefix;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.RttEstimate;
import dev.icon.tomography.map.RttEstimator;
import dev.icon.tomography.map.TopologyMap;
import dev.icon.tomography.probe.PingConfig;
import dev.icon.tomography.probe.PingProber;
import dev.icon.tomography.probe.ProbeClient;
import dev.icon.tomography.probe.ProbeConfig;
import dev.icon.tomography.probe.ProbeOutcome;
import dev.icon.tomography.probe.ProbeRecorder;
import dev.icon.tomography.probe.ProbeService;
import dev.icon.tomography.probe.TargetFilter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code /icon/probe/1.0.0} between two real hosts on loopback, the measuring one pinging with the
 * real ping from inside the client namespace of a chain client -> r1 -> r2 -> target ({@code ip
 * netns exec}), allowed only 10.0.0.0/8; its answer refines the map's estimate.
 */
class ProbeNetnsIT {

  @Test
  void aProviderInANamespaceMeasuresATargetThreeHopsAwayOnRequest() throws Exception {
    Prerequisites.requireRoot();
    Prerequisites.requireBinary("ping");
    ProbeConfig config = ProbeConfig.builder()
        .allowedPrefixes(List.of(IpPrefix.parse("10.0.0.0/8"))).build();
    try (NetnsChain chain = NetnsChain.create(2);
        PingProber ping = new PingProber(PingConfig.builder().interval(Duration.ofMillis(200))
            .replyWait(Duration.ofMillis(500)).commandPrefix(NetnsChain.exec(chain.client())).build())) {
      Host provider = host();
      Host asker = host();
      try {
        new ProbeService(config, Map.of(ProbeMethod.ICMP_ECHO, ping), new TargetFilter(config),
            Clock.systemUTC()).registerOn(provider);
        asker.peerStore().addAddresses(provider.peerId(), provider.listenAddrs());
        InetAddress target = InetAddress.getByName(chain.targetAddress());

        List<ProbeOutcome> outcomes = new ProbeClient(asker, config, new SplittableRandom(7))
            .probe(provider.peerId(), List.of(target, InetAddress.getByName("10.99.0.5"),
                InetAddress.getByName("192.0.2.1"))).join();

        assertThat(outcomes.get(0).status()).isEqualTo(ProbeStatus.OK);
        assertThat(outcomes.get(0).measurement().get().received()).isEqualTo(3);
        assertThat(outcomes.get(1).status()).as("no route beyond the target")
            .isIn(ProbeStatus.NO_REPLY, ProbeStatus.FAILED);
        assertThat(outcomes.get(2).status()).isEqualTo(ProbeStatus.REFUSED_TARGET);

        TopologyMap map = new TopologyMap(MapConfig.defaults(), Clock.systemUTC());
        var stats = outcomes.get(0).measurement().get().stats().get();
        assertThat(ProbeRecorder.record(map, "10.1.0.1", provider.peerId().toBase58(), outcomes,
            ClientPrefixes.defaults(), Clock.systemUTC().instant())).hasSize(2);
        assertThat(RttEstimator.forClient(map.snapshot(), "10.1.0.1",
            InetAddress.getByName("10.3.0.77"), ClientPrefixes.defaults(),
            Clock.systemUTC().instant(), Duration.ofMinutes(10)))
            .contains(new RttEstimate(stats.meanMillis(), RttEstimate.Basis.DIRECT, "10.3.0.0/24"));
      } finally {
        asker.stop().join();
        provider.stop().join();
      }
    }
  }

  private static Host host() {
    Host h = Host.builder().identity(PrivateKey.generateEd25519()).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    h.start().join();
    return h;
  }
}
