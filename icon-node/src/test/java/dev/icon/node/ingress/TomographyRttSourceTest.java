package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.testing.MutableClock;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TomographyRttSourceTest {

  private final MutableClock clock = new MutableClock();
  private final TopologyMap map = new TopologyMap(MapConfig.defaults(), clock);

  @Test
  void answersFromTheCacheFilledByRefresh() throws Exception {
    map.observe("self", NodeKind.HOST, "10.1.0.1", NodeKind.ROUTER, 5, "local", clock.instant());
    map.observe("10.1.0.1", NodeKind.ROUTER, "192.0.2.7", NodeKind.HOST, 10, "peer",
        clock.instant());
    TomographyRttSource source = new TomographyRttSource(map, "self", 100);
    InetAddress client = InetAddress.getByName("192.0.2.7");
    InetAddress unknown = InetAddress.getByName("198.51.100.1");

    assertThat(source.rtt(client)).isEmpty(); // noted, not computed on the caller's thread
    assertThat(source.rtt(unknown)).isEmpty();
    assertThat(source.refresh()).isEqualTo(1);
    assertThat(source.rtt(client)).hasValue(Duration.ofMillis(15));
    assertThat(source.rtt(unknown)).isEmpty();

    map.observe("self", NodeKind.HOST, "198.51.100.1", NodeKind.HOST, 3, "local",
        clock.instant());
    assertThat(source.refresh()).isEqualTo(2);
    assertThat(source.rtt(unknown)).hasValue(Duration.ofMillis(3));
  }

  @Test
  void notesAtMostMaxClients() throws Exception {
    TomographyRttSource source = new TomographyRttSource(map, "self", 2);
    for (int i = 1; i <= 5; i++) {
      source.rtt(InetAddress.getByName("192.0.2." + i));
    }
    assertThat(source.clients()).isEqualTo(2);
    assertThatThrownBy(() -> new TomographyRttSource(map, "self", 0))
        .hasMessageStartingWith("maxClients:");
  }
}
