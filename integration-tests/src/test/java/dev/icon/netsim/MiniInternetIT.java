package dev.icon.netsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.testing.Prerequisites;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness itself (root): a small topology comes up with its delays, TTLs and DNS as declared,
 * and everything it made is gone after close, after a failed start, and (for runs whose JVM died)
 * at the next start.
 */
class MiniInternetIT {

  // client - r1 - r2 - dns, 10 ms one-way on r1-r2, 2 ms on client-r1.
  static final String LINE = """
      dns: {node: dns, port: 53}
      nodes:
        r1:     {role: router, router_id: 10.255.0.1, reverse_name: r1.fra.isp-a.example}
        r2:     {role: router, router_id: 10.255.0.2, reverse_name: r2.ams.isp-b.example}
        client: {role: client}
        dns:    {role: dns}
      links:
        - {between: [r1, client], subnet: 10.0.1.0/24, delay_ms: 2}
        - {between: [r1, r2], subnet: 10.0.2.0/30, delay_ms: 10}
        - {between: [r2, dns], subnet: 10.0.3.0/24}
      """;
  static final Pattern PING = Pattern.compile("ttl=(\\d+).*\\n(?s).*= ([\\d.]+)/([\\d.]+)/");

  @BeforeAll
  static void prerequisites() {
    Prerequisites.requireRoot();
    Prerequisites.requireBinary("ping");
    Prerequisites.requireBinary("dig");
  }

  @Test
  void comesUpAsDeclaredAndLeavesNothingBehind() throws Exception {
    Topology t = TopologyYaml.parse(LINE);
    List<String> made;
    try (MiniInternet net = MiniInternet.start(t)) {
      made = Namespaces.list(Namespaces.runPrefix());
      assertThat(made).containsExactlyInAnyOrder(net.namespace("r1"), net.namespace("r2"),
          net.namespace("client"), net.namespace("dns"));

      Commands.Result ping = net.exec("client", "ping", "-n", "-c", "5", "-i", "0.1",
          net.address("dns"));
      Matcher m = PING.matcher(ping.stdout());
      assertThat(m.find()).as(ping.stdout()).isTrue();
      assertThat(Integer.parseInt(m.group(1))).as("two routers, one hop each").isEqualTo(62);
      double avg = Double.parseDouble(m.group(3));
      System.out.printf("netsim ping client -> dns: configured 24.0 ms, measured %.2f ms%n", avg);
      assertThat(avg).isBetween(24.0, 24.0 * 1.1 + 1);

      Commands.Result trace = net.exec("client", "traceroute", "-n", "-q", "1", "-w", "1",
          net.address("dns"));
      assertThat(trace.stdout()).containsPattern("1  10\\.255\\.0\\.1 ")
          .containsPattern("2  10\\.255\\.0\\.2 ").containsPattern("3  10\\.0\\.3\\.2 ");

      Commands.Result ptr = net.exec("client", "dig", "+short", "-p", "53", "@"
          + net.address("dns"), "-x", "10.255.0.2");
      assertThat(ptr.stdout().strip()).isEqualTo("r2.ams.isp-b.example.");
      assertThat(Commands.check("ip", "-n", net.namespace("r1"), "link", "show"))
          .contains("dly0i").contains("dly0o").contains("dly1i");
    }
    assertThat(Namespaces.list(Namespaces.runPrefix())).doesNotContainAnyElementsOf(made);
    assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
        .filter(c -> c.contains("delayfwd") && c.contains(" -s "))
        .filter(c -> made.stream().anyMatch(c::contains))).isEmpty();
  }

  @Test
  void aFailedStartDeletesWhatItMade() throws Exception {
    // The second namespace already exists: start fails after making the first.
    String blocker = Namespaces.runPrefix() + "client";
    Commands.check("ip", "netns", "add", blocker);
    try {
      assertThatThrownBy(() -> MiniInternet.start(TopologyYaml.parse(LINE)))
          .hasMessageContaining(blocker);
      assertThat(Namespaces.list(Namespaces.runPrefix())).containsExactly(blocker);
    } finally {
      Namespaces.delete(blocker);
    }
  }

  @Test
  void leftoversOfADeadRunAreSweptAtStart() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String leftover = "icmi" + gone.pid() + "-r1";
    Commands.check("ip", "netns", "add", leftover);
    try (MiniInternet net = MiniInternet.start(TopologyYaml.parse(LINE))) {
      assertThat(Namespaces.list("icmi" + gone.pid() + "-")).isEmpty();
      assertThat(Namespaces.list(net.namespace("r1"))).hasSize(1);
    } finally {
      if (!Namespaces.list(leftover).isEmpty()) {
        Namespaces.delete(leftover);
      }
    }
  }
}
