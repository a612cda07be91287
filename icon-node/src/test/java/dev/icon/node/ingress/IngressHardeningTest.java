package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Upstream and client misbehaviour on real loopback sockets: the gateway answers and lives on. */
class IngressHardeningTest {

  private final List<AutoCloseable> open = new ArrayList<>();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      if (open.get(i) instanceof IngressGateway g) {
        g.stop().get(5, TimeUnit.SECONDS);
      } else {
        open.get(i).close();
      }
    }
  }

  private IngressGateway gateway(InetSocketAddress upstream,
      UnaryOperator<IngressConfig.Builder> tune) throws Exception {
    IngressGateway g = new IngressGateway(tune.apply(IngressConfig.builder(upstream).ioThreads(1))
        .build(), new DemandRecorder(DemandConfig.defaults(), Clock.systemUTC()),
        ClientRttSource.none(), new SimpleMeterRegistry());
    open.add(g);
    g.start().get(5, TimeUnit.SECONDS);
    return g;
  }

  private HttpResponse<String> get(IngressGateway g, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + g.address().getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void chunkedUpstreamResponseReachesTheClientWithALength() throws Exception {
    TestUpstream a = new TestUpstream("A");
    open.add(a);
    IngressGateway g = gateway(a.address(), b -> b);
    HttpResponse<String> r = get(g, "/chunked");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize(10_000);
    assertThat(r.headers().firstValue("content-length")).hasValue("10000");
    assertThat(r.headers().firstValue("transfer-encoding")).isEmpty();
  }

  @Test
  void tooLargeUpstreamResponseIs502() throws Exception {
    TestUpstream a = new TestUpstream("A");
    open.add(a);
    IngressGateway g = gateway(a.address(), b -> b.maxResponseBodyBytes(50_000));
    HttpResponse<String> r = get(g, "/big");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).contains("upstream response too large");
    assertThat(get(g, "/chunked").statusCode()).isEqualTo(200);
  }

  @Test
  void upstreamDroppingEveryKeepAliveConnectionCostsNoRequest() throws Exception {
    try (OneShotUpstream one = new OneShotUpstream()) {
      IngressGateway g = gateway(one.address(), b -> b);
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> r = get(g, "/r" + i);
        assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ok");
      }
      assertThat(one.connections.get()).isEqualTo(20);
    }
  }

  @Test
  void idleOrHalfSentClientConnectionsAreClosed() throws Exception {
    TestUpstream a = new TestUpstream("A");
    open.add(a);
    IngressGateway g = gateway(a.address(), b -> b.clientIdleTimeout(Duration.ofMillis(300)));
    try (Socket s = new Socket(g.address().getAddress(), g.address().getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.UTF_8));
      long t0 = System.nanoTime();
      assertThat(s.getInputStream().read()).isEqualTo(-1); // closed by the gateway
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(get(g, "/x").statusCode()).isEqualTo(200);
  }

  @Test
  void clientVanishingMidRequestLeavesNothingInFlight() throws Exception {
    TestUpstream a = new TestUpstream("A");
    open.add(a);
    IngressGateway g = gateway(a.address(), b -> b);
    try (Socket s = new Socket(g.address().getAddress(), g.address().getPort())) {
      s.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
          .getBytes(StandardCharsets.UTF_8));
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> a.slowArrived.get() == 1);
    }
    a.release();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> g.inFlight() == 0);
    assertThat(get(g, "/x").statusCode()).isEqualTo(200);
  }

  @Test
  void bindFailureFailsStartAndStopStillCompletes() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      IngressGateway g = new IngressGateway(
          IngressConfig.builder(new InetSocketAddress("127.0.0.1", 9)).bind(new InetSocketAddress("127.0.0.1", taken.getLocalPort())).build(),
          new DemandRecorder(DemandConfig.defaults(), Clock.systemUTC()),
          ClientRttSource.none(), new SimpleMeterRegistry());
      assertThatThrownBy(() -> g.start().get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IOException.class).hasMessageContaining("in use");
      g.stop().get(5, TimeUnit.SECONDS);
      assertThat(g.stop()).isDone();
      assertThatThrownBy(g::address).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void badRedirectsAreRefusedAndTheRouteIsKept() throws Exception {
    TestUpstream a = new TestUpstream("A");
    open.add(a);
    IngressGateway g = gateway(a.address(), b -> b);
    assertThatThrownBy(() -> g.redirectTo(URI.create("http://b"), Duration.ZERO))
        .hasMessageStartingWith("grace:");
    assertThatThrownBy(() -> g.redirectTo(URI.create("b:80/x"), Duration.ofSeconds(1)))
        .hasMessageStartingWith("redirectBase:");
    assertThat(g.mode()).isEqualTo(IngressMode.PROXY);
    assertThat(get(g, "/x").statusCode()).isEqualTo(200);
  }

  /**
   * A raw upstream that answers one request per connection with keep-alive semantics (no {@code
   * Connection: close}) and then closes it, as a server does when its idle timer fires.
   */
  static final class OneShotUpstream implements AutoCloseable {
    final ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    OneShotUpstream() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::serve, "one-shot-upstream");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          connections.incrementAndGet();
          InputStream in = s.getInputStream();
          int state = 0;
          while (state < 4) {
            int c = in.read();
            if (c < 0) {
              break;
            }
            state = (c == '\r' && state % 2 == 0) || (c == '\n' && state % 2 == 1)
                ? state + 1 : 0;
          }
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException e) {
          // closed
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
