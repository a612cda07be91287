package dev.icon.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HTTP and TCP probes against real loopback servers. */
class HealthProbeTest {

  private static final HealthCheck QUICK_HTTP = new HealthCheck(HealthCheck.Kind.HTTP, "/health",
      Duration.ofMillis(20), Duration.ofSeconds(1), 5);

  @Test
  void httpIsHealthyOnlyFor2xxAnd3xx() throws Exception {
    AtomicInteger status = new AtomicInteger(503);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", ex -> {
      ex.sendResponseHeaders(status.get(), -1);
      ex.close();
    });
    server.start();
    try {
      InetSocketAddress at = server.getAddress();
      HealthResult down = HealthProbe.probe(QUICK_HTTP, at);
      assertThat(down.healthy()).isFalse();
      assertThat(down.detail()).isEqualTo("HTTP 503");
      status.set(204);
      assertThat(HealthProbe.probe(QUICK_HTTP, at).healthy()).isTrue();
      status.set(302);
      assertThat(HealthProbe.probe(QUICK_HTTP, at).healthy()).isTrue();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void awaitStopsAfterItsRetriesOrWhenTheWorkloadExits() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    InetSocketAddress closed = new InetSocketAddress("127.0.0.1", port);
    HealthResult refused = HealthProbe.await(QUICK_HTTP, closed, () -> null);
    assertThat(refused.healthy()).isFalse();
    assertThat(refused.probes()).isEqualTo(5);
    HealthResult exited = HealthProbe.await(QUICK_HTTP, closed, () -> "exited (1)");
    assertThat(exited).isEqualTo(new HealthResult(false, 0, "exited (1)"));
  }

  @Test
  void tcpConnectsAndRejectsNonHttpAnswers() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      InetSocketAddress at = new InetSocketAddress("127.0.0.1", server.getLocalPort());
      assertThat(HealthProbe.probe(HealthCheck.tcp(), at).healthy()).isTrue();
      Thread answer = new Thread(() -> {
        try (var c = server.accept()) {
          c.getOutputStream().write("SSH-2.0-nope\r\n".getBytes());
        } catch (java.io.IOException e) {
          // the probe closed first
        }
      });
      answer.start();
      HealthResult notHttp = HealthProbe.probe(QUICK_HTTP, at);
      answer.join();
      assertThat(notHttp.healthy()).isFalse();
    }
  }
}
