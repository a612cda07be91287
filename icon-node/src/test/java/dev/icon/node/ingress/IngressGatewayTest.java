package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.testing.MutableClock;
import dev.icon.testing.Prerequisites;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway on real loopback sockets, in front of a real HTTP server. */
class IngressGatewayTest {

  private final List<AutoCloseable> open = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

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

  private TestUpstream upstream(String name) throws IOException {
    TestUpstream u = new TestUpstream(name);
    open.add(u);
    return u;
  }

  private IngressGateway gateway(InetSocketAddress upstream, Clock clock,
      UnaryOperator<IngressConfig.Builder> tune) throws Exception {
    IngressConfig config = tune.apply(IngressConfig.builder(upstream).ioThreads(2)
        .name("gw" + open.size())).build();
    IngressGateway g = new IngressGateway(config,
        new DemandRecorder(DemandConfig.defaults(), clock), ClientRttSource.none(), registry);
    open.add(g);
    g.start().get(5, TimeUnit.SECONDS);
    return g;
  }

  private IngressGateway gateway(InetSocketAddress upstream) throws Exception {
    return gateway(upstream, Clock.systemUTC(), b -> b);
  }

  private static URI uri(IngressGateway g, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + g.address().getPort() + pathAndQuery);
  }

  private HttpResponse<String> get(IngressGateway g, String pathAndQuery) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(g, pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double count(String name, String tag, String value) {
    return registry.find(name).tag(tag, value).counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
  }

  @Test
  void proxiesAndRecordsDemandPerPrefixWithTheKernelRtt() throws Exception {
    Prerequisites.require("Netty native epoll (Linux x86_64)", Epoll::isAvailable);
    TestUpstream a = upstream("A");
    IngressGateway g = gateway(a.address());
    assertThat(g.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(g.nativeTransport()).isTrue();

    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = get(g, "/item?i=" + i);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("A GET /item?i=" + i);
    }

    DemandSnapshot s = g.demand().snapshot();
    ClientPrefix loopback = ClientPrefix.of(InetAddress.getByName("127.0.0.1"), 24, 48);
    PrefixDemand d = s.of(loopback).orElseThrow();
    assertThat(d.prefix().toString()).isEqualTo("127.0.0.0/24");
    assertThat(d.requestsInWindow()).isEqualTo(20);
    assertThat(d.requestsPerSecond()).isEqualTo(20 / 60.0);
    PrefixDemand.RttStats rtt = d.rtt().orElseThrow();
    assertThat(rtt.samples()).isEqualTo(20);
    assertThat(rtt.kernelSamples()).isEqualTo(20);
    assertThat(rtt.min()).isPositive();
    assertThat(rtt.p95()).isGreaterThanOrEqualTo(rtt.min()).isLessThan(Duration.ofSeconds(1));
    assertThat(count("icon.ingress.requests", "mode", "proxy")).isEqualTo(20);
    assertThat(a.requests.get()).isEqualTo(20);
  }

  @Test
  void onNioTheRttComesFromTheEstimateSource() throws Exception {
    TestUpstream a = upstream("A");
    IngressConfig config = IngressConfig.builder(a.address()).ioThreads(1).name("nio")
        .preferNativeTransport(false).build();
    IngressGateway g = new IngressGateway(config,
        new DemandRecorder(DemandConfig.defaults(), Clock.systemUTC()),
        client -> client.isLoopbackAddress()
            ? Optional.of(Duration.ofMillis(7)) : Optional.empty(), registry);
    open.add(g);
    g.start().get(5, TimeUnit.SECONDS);
    assertThat(g.nativeTransport()).isFalse();
    for (int i = 0; i < 3; i++) {
      assertThat(get(g, "/n").statusCode()).isEqualTo(200);
    }
    PrefixDemand d = g.demand().snapshot().prefixes().get(0);
    assertThat(d.requestsInWindow()).isEqualTo(3);
    PrefixDemand.RttStats rtt = d.rtt().orElseThrow();
    assertThat(rtt.samples()).isEqualTo(3);
    assertThat(rtt.kernelSamples()).isZero();
    assertThat(rtt.mean()).isEqualTo(Duration.ofMillis(7));
  }

  @Test
  void forwardsClientAddressAndDropsHopByHopHeaders() throws Exception {
    IngressGateway g = gateway(upstream("A").address());
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(g, "/headers"))
        .header("X-Forwarded-For", "203.0.113.9").header("X-Kept", "yes").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("x-forwarded-for: 203.0.113.9, 127.0.0.1\n")
        .contains("x-kept: yes\n").contains("x-forwarded-proto: http\n");
    // The upstream's own hop-by-hop Keep-Alive header does not reach the client.
    assertThat(r.headers().firstValue("keep-alive")).isEmpty();
  }

  @Test
  void switchToRedirectLosesNoRequestOfAClientRunningThrough() throws Exception {
    TestUpstream a = upstream("A");
    TestUpstream b = upstream("B");
    IngressGateway ga = gateway(a.address());
    IngressGateway gb = gateway(b.address());
    HttpClient follower = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    LoadClient load = new LoadClient(follower, uri(ga, "/count"), 4);
    open.add(load);
    load.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> load.fromPrefix("A") >= 50);

    URI base = URI.create("http://127.0.0.1:" + gb.address().getPort());
    ga.redirectTo(base, Duration.ofMinutes(5));
    assertThat(ga.mode()).isEqualTo(IngressMode.REDIRECT);
    await().atMost(Duration.ofSeconds(20)).until(() -> load.fromPrefix("B") >= 50);
    load.stop();

    assertThat(load.failures()).isEmpty();
    assertThat(load.fromPrefix("A")).isGreaterThanOrEqualTo(50);
    assertThat(load.fromPrefix("B")).isGreaterThanOrEqualTo(50);
    HttpResponse<String> stub = get(ga, "/count?x=1&y=%20");
    assertThat(stub.statusCode()).isEqualTo(307);
    assertThat(stub.headers().firstValue("location")).hasValue(base + "/count?x=1&y=%20");
    assertThat(count("icon.ingress.requests", "mode", "redirect")).isGreaterThanOrEqualTo(50);
  }

  @Test
  void redirectEndsWithGoneAfterTheGracePeriod() throws Exception {
    MutableClock clock = new MutableClock();
    IngressGateway g = gateway(upstream("A").address(), clock, b -> b);
    g.redirectTo(URI.create("http://new.example:8080/svc/"), Duration.ofSeconds(30));
    HttpResponse<String> r = get(g, "/a/b?c=d");
    assertThat(r.statusCode()).isEqualTo(307);
    assertThat(r.headers().firstValue("location")).hasValue("http://new.example:8080/svc/a/b?c=d");
    clock.advance(Duration.ofSeconds(30));
    assertThat(g.mode()).isEqualTo(IngressMode.GONE);
    HttpResponse<String> gone = get(g, "/a/b?c=d");
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("http://new.example:8080/svc/");
  }

  @Test
  void redirectWithStopExpiryClosesTheGateway() throws Exception {
    IngressGateway g = gateway(upstream("A").address(), Clock.systemUTC(),
        b -> b.redirectExpiry(RedirectExpiry.STOP));
    int port = g.address().getPort();
    g.redirectTo(URI.create("http://127.0.0.1:1"), Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(10)).until(() -> !listening(port));
  }

  private static boolean listening(int port) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void drainFinishesInFlightRequestsAndRefusesNewOnes() throws Exception {
    TestUpstream a = upstream("A");
    IngressGateway g = gateway(a.address());
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
        HttpRequest.newBuilder(uri(g, "/slow")).build(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> a.slowArrived.get() == 1);
    assertThat(g.inFlight()).isEqualTo(1);

    CompletableFuture<Void> drained = g.drain();
    HttpResponse<String> refused = get(g, "/new");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
    assertThat(drained).isNotDone();

    a.release();
    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(inFlight.get().body()).isEqualTo("A slow");
    drained.get(10, TimeUnit.SECONDS);
    assertThat(g.inFlight()).isZero();
    assertThat(count("icon.ingress.requests", "mode", "drain")).isEqualTo(1);
  }

  @Test
  void upstreamDownIs502AndTheGatewayStaysUp() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    IngressGateway g = gateway(new InetSocketAddress("127.0.0.1", deadPort));
    HttpResponse<String> r = get(g, "/x");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).contains("upstream 127.0.0.1:" + deadPort + " failed");
    assertThat(count("icon.ingress.errors", "reason", "connect_failed")).isEqualTo(1);

    TestUpstream a = upstream("A");
    g.proxyTo(a.address());
    assertThat(get(g, "/x").body()).isEqualTo("A GET /x");
  }

  @Test
  void slowUpstreamIs504() throws Exception {
    TestUpstream a = upstream("A");
    IngressGateway g = gateway(a.address(), Clock.systemUTC(),
        b -> b.responseTimeout(Duration.ofMillis(300)));
    HttpResponse<String> r = get(g, "/slow");
    assertThat(r.statusCode()).isEqualTo(504);
    assertThat(r.body()).contains("no response from the upstream within 300 ms");
    a.release();
    assertThat(get(g, "/after").statusCode()).isEqualTo(200);
  }

  @Test
  void oversizedAndMalformedRequestsAreRefusedAndTheGatewayStaysUp() throws Exception {
    TestUpstream a = upstream("A");
    IngressGateway g = gateway(a.address(), Clock.systemUTC(),
        b -> b.maxRequestBodyBytes(1024).maxHeaderBytes(2048).maxInitialLineBytes(256));
    HttpResponse<String> big = client.send(HttpRequest.newBuilder(uri(g, "/upload"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(big.statusCode()).isEqualTo(413);

    assertThat(RawHttp.exchange(g.address(), "GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400");
    assertThat(RawHttp.exchange(g.address(), "GET /" + "a".repeat(300) + " HTTP/1.1\r\n\r\n"))
        .startsWith("HTTP/1.1 414");
    assertThat(RawHttp.exchange(g.address(),
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(4000) + "\r\n\r\n"))
        .startsWith("HTTP/1.1 431");
    assertThat(RawHttp.exchange(g.address(),
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello"))
        .startsWith("HTTP/1.1 400");

    assertThat(get(g, "/still").body()).isEqualTo("A GET /still");
    assertThat(a.paths).doesNotContain("/upload");
    assertThat(count("icon.ingress.errors", "reason", "too_large")).isEqualTo(1);
    assertThat(count("icon.ingress.errors", "reason", "bad_request")).isEqualTo(2);
  }
}
