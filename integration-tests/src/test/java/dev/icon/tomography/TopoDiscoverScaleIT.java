package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.testing.BindServer;
import dev.icon.testing.Prerequisites;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery of 100 targets behind client -> r1 -> r2 -> target, where r2 never answers (its ICMP
 * time-exceeded is rate-limited away, as on many real routers), so every trace waits for a silent
 * hop: {@code --parallel 1} against {@code --parallel 16}. Prints both times and their ratio.
 */
class TopoDiscoverScaleIT {

  static final int TARGETS = 100;
  static NetnsChain chain;
  static BindServer bind;

  @BeforeAll
  static void build() throws Exception {
    Prerequisites.requireRoot();
    Prerequisites.requireBinary("traceroute");
    chain = NetnsChain.create(2);
    chain.in(chain.router(2), "sysctl", "-qw", "net.ipv4.icmp_ratelimit=100000000",
        "net.ipv4.icmp_msgs_burst=1", "net.ipv4.icmp_msgs_per_sec=1");
    for (int i = 1; i <= TARGETS; i++) {
      chain.in(chain.target(), "ip", "addr", "add", "10.50.0." + i + "/32", "dev", "lo");
    }
    int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
    bind = BindServer.start(NetnsChain.exec(chain.target()),
        new InetSocketAddress(InetAddress.getByName(chain.targetAddress()), port), Map.of(
            "10.in-addr.arpa.", """
                $TTL 300
                @ IN SOA ns.example. admin.example. 1 3600 600 86400 30
                @ IN NS ns.example.
                2.0.1 IN PTR r1.fra.isp-a.example.
                """));
  }

  @AfterAll
  static void tearDown() {
    if (bind != null) {
      bind.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void parallelDiscoveryOfOneHundredTargetsBeatsSerial() throws Exception {
    List<String> targets = new ArrayList<>();
    for (int i = 1; i <= TARGETS; i++) {
      targets.add("10.50.0." + i);
    }

    double serial = timed(1, targets);
    double parallel = timed(16, targets);

    System.out.printf("topo discover, %d targets, one silent hop each, --wait 0.3:"
        + " serial %.1f s, parallel(16) %.1f s, ratio %.1f%n", TARGETS, serial, parallel,
        serial / parallel);
    assertThat(parallel).isLessThan(serial / 2);
  }

  private static double timed(int parallel, List<String> targets) throws Exception {
    List<String> args = new ArrayList<>(List.of("topo", "discover", "--dns", bind.hostPort(),
        "--parallel", Integer.toString(parallel), "--max-hops", "4", "--probes", "1",
        "--wait", "0.3"));
    args.addAll(targets);
    long start = System.nanoTime();
    IconCli.Result r = IconCli.run(NetnsChain.exec(chain.client()), args);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.stdout());
    assertThat(doc.get("targets")).hasSize(TARGETS).allSatisfy(t -> {
      JsonNode hops = t.get("hops");
      assertThat(hops.get(hops.size() - 1).get("ip").asText()).isEqualTo(t.get("target").asText());
      assertThat(hops.get(1).get("ip").isNull()).as("r2 stays silent").isTrue();
      assertThat(hops.get(0).get("name").asText()).isEqualTo("r1.fra.isp-a.example");
    });
    return seconds;
  }
}
