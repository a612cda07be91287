package dev.icon.tomography.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.proto.icon.probe.ProbeMethod;
import dev.icon.proto.icon.probe.ProbeRequest;
import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TcpConnectProber} against real sockets on loopback. */
class TcpConnectProberTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static TcpProbeConfig fast(int port) {
    return new TcpProbeConfig(port, Duration.ofSeconds(2), Duration.ofMillis(10), 2, 20);
  }

  @Test
  void timesHandshakesWithAListeningPort() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        TcpConnectProber prober = new TcpConnectProber(fast(server.getLocalPort()))) {
      ProbeMeasurement m = prober.probe(LOOPBACK, 3).join();

      assertThat(m.sent()).isEqualTo(3);
      assertThat(m.received()).isEqualTo(3);
      assertThat(m.stats().get().meanMillis()).isBetween(0.0, 500.0);
      assertThat(prober.port()).hasValue(server.getLocalPort());
    }
  }

  @Test
  void aRefusedHandshakeIsStillAReply() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      closedPort = s.getLocalPort();
    }
    try (TcpConnectProber prober = new TcpConnectProber(fast(closedPort))) {
      ProbeMeasurement m = prober.probe(LOOPBACK, 2).join();

      assertThat(m.received()).isEqualTo(2);
    }
  }

  @Test
  void aCountBeyondTheLimitAndAClosedProberAreRefused() {
    TcpConnectProber prober = new TcpConnectProber(fast(9));
    assertThatThrownBy(() -> prober.probe(LOOPBACK, 21).join()).hasMessageContaining("count");
    prober.close();
    assertThatThrownBy(() -> prober.probe(LOOPBACK, 1).join()).hasMessageContaining("closed");
  }

  @Test
  void theServiceRefusesAnyOtherPortThanItsProbers() throws Exception {
    ProbeConfig config = ProbeConfig.forTests();
    try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        TcpConnectProber prober = new TcpConnectProber(fast(server.getLocalPort()))) {
      ProbeService service = new ProbeService(config, Map.of(ProbeMethod.TCP_CONNECT, prober),
          new TargetFilter(config), new MutableClock());
      ProbeRequest.Builder req = ProbeRequest.newBuilder().setMethod(ProbeMethod.TCP_CONNECT)
          .setCount(2).addTargets(ProbeMessages.target(LOOPBACK));

      var other = service.serve("A", req.setPort(server.getLocalPort() + 1).build()).join();
      var same = service.serve("A", req.setPort(server.getLocalPort()).build()).join();
      var unset = service.serve("A", req.setPort(0).build()).join();

      assertThat(other.getResults(0).getStatus()).isEqualTo(ProbeStatus.REFUSED_UNSUPPORTED);
      assertThat(other.getResults(0).getReason()).contains("not offered");
      assertThat(same.getResults(0).getStatus()).isEqualTo(ProbeStatus.OK);
      assertThat(unset.getResults(0).getStatus()).isEqualTo(ProbeStatus.OK);
    }
  }

  @Test
  void configNamesTheFieldAtFault() {
    assertThatThrownBy(() -> TcpProbeConfig.of(0)).hasMessageStartingWith("TcpProbeConfig.port ");
    assertThatThrownBy(() -> new TcpProbeConfig(80, Duration.ZERO, Duration.ZERO, 1, 1))
        .hasMessageStartingWith("TcpProbeConfig.connectTimeout ");
  }
}
