package dev.icon.node.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-connection handler and the header rules, on Netty's EmbeddedChannel. */
class IngressHandlerTest {

  private static final InetSocketAddress UPSTREAM = new InetSocketAddress("127.0.0.1", 9);

  private final MutableClock clock = new MutableClock();
  private final IngressState state =
      new IngressState(new IngressRoute(IngressMode.PROXY, UPSTREAM, null, null), clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IngressMetrics metrics = new IngressMetrics(registry, "t", state);
  private final DemandRecorder demand = new DemandRecorder(DemandConfig.defaults(), clock);
  private final FakeUpstream upstream = new FakeUpstream();
  private EmbeddedChannel channel = channel(1024);

  /** An upstream that keeps each request and its promise; the test answers. */
  static final class FakeUpstream implements UpstreamClient {
    final List<FullHttpRequest> requests = new ArrayList<>();
    final List<Promise<FullHttpResponse>> promises = new ArrayList<>();

    @Override
    public void send(InetSocketAddress to, io.netty.channel.EventLoop loop,
        FullHttpRequest request, Promise<FullHttpResponse> result) {
      requests.add(request);
      promises.add(result);
    }

    @Override
    public CompletableFuture<Void> close() {
      return CompletableFuture.completedFuture(null);
    }
  }

  private EmbeddedChannel channel(int maxBody) {
    return new EmbeddedChannel(
        new HttpServerCodec(new HttpDecoderConfig().setMaxHeaderSize(1024)),
        new BoundedRequestAggregator(maxBody, metrics),
        new IngressHandler(state, upstream, demand, ClientRttSource.none(), metrics)) {
      @Override
      protected SocketAddress remoteAddress0() {
        return new InetSocketAddress("198.51.100.7", 40000);
      }
    };
  }

  @AfterEach
  void release() {
    upstream.requests.forEach(FullHttpRequest::release);
    channel.finishAndReleaseAll();
  }

  private void send(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
  }

  private String out() {
    StringBuilder b = new StringBuilder();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ByteBuf buf = (ByteBuf) o;
      b.append(buf.toString(StandardCharsets.ISO_8859_1));
      buf.release();
    }
    return b.toString();
  }

  private static FullHttpResponse response(String body, String... headers) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      r.headers().add(headers[i], headers[i + 1]);
    }
    return r;
  }

  @Test
  void forwardedRequestLosesHopByHopHeadersAndGainsForwardingHeaders() {
    send("POST /p?q=1 HTTP/1.1\r\nHost: svc.example\r\nConnection: keep-alive, X-Secret\r\n"
        + "X-Secret: s\r\nKeep-Alive: timeout=5\r\nProxy-Authorization: Basic x\r\nTE: trailers\r\n"
        + "Upgrade: h2c\r\nX-Forwarded-For: 203.0.113.1\r\nX-App: kept\r\n"
        + "Content-Length: 5\r\n\r\nhello");
    assertThat(upstream.requests).hasSize(1);
    FullHttpRequest fwd = upstream.requests.get(0);
    assertThat(fwd.uri()).isEqualTo("/p?q=1");
    assertThat(fwd.content().toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    for (String gone : List.of("connection", "x-secret", "keep-alive", "proxy-authorization",
        "te", "upgrade")) {
      assertThat(fwd.headers().contains(gone)).as(gone).isFalse();
    }
    assertThat(fwd.headers().get("x-forwarded-for")).isEqualTo("203.0.113.1, 198.51.100.7");
    assertThat(fwd.headers().get("x-forwarded-host")).isEqualTo("svc.example");
    assertThat(fwd.headers().get("x-forwarded-proto")).isEqualTo("http");
    assertThat(fwd.headers().get("x-app")).isEqualTo("kept");
    assertThat(fwd.headers().get("content-length")).isEqualTo("5");

    upstream.promises.get(0).setSuccess(response("world", "Connection", "X-Internal",
        "X-Internal", "1", "Keep-Alive", "timeout=3", "Proxy-Authenticate", "Basic",
        "X-Served-By", "A"));
    String answer = out();
    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nworld")
        .contains("content-length: 5\r\n").contains("X-Served-By: A\r\n")
        .doesNotContain("X-Internal").doesNotContain("Keep-Alive").doesNotContain("Proxy-Auth");
    assertThat(channel.isOpen()).isTrue();
    assertThat(state.inFlight()).isZero();
    DemandSnapshot s = demand.snapshot();
    assertThat(s.prefixes()).singleElement().satisfies(p -> {
      assertThat(p.prefix().toString()).isEqualTo("198.51.100.0/24");
      assertThat(p.rtt()).isEmpty();
    });
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() {
    send("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(upstream.requests).hasSize(1);
    upstream.promises.get(0).setSuccess(response("one"));
    assertThat(upstream.requests).hasSize(2);
    assertThat(upstream.requests.get(1).uri()).isEqualTo("/2");
    upstream.promises.get(1).setSuccess(response("two"));
    String answer = out();
    assertThat(answer.indexOf("one")).isPositive().isLessThan(answer.indexOf("two"));
  }

  @Test
  void clientAskingToCloseGetsItsAnswerThenTheConnectionCloses() {
    send("GET /1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    upstream.promises.get(0).setSuccess(response("bye"));
    assertThat(out()).contains("connection: close\r\n").endsWith("bye");
    assertThat(channel.isOpen()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(UpstreamError.class)
  void upstreamFailuresBecomeTheirStatusWithAClearBody(UpstreamError error) {
    send("GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
    upstream.promises.get(0).setFailure(new UpstreamException(error, "what happened", null));
    String answer = out();
    assertThat(answer).startsWith("HTTP/1.1 " + error.status() + " ")
        .contains("upstream 127.0.0.1:9 failed: what happened");
    assertThat(channel.isOpen()).isTrue();
    assertThat(registry.find("icon.ingress.errors").tag("reason", error.name().toLowerCase())
        .counter().count()).isEqualTo(1);
  }

  @Test
  void redirectModeAnswers307WithTheNewLocationThenGoneAfterGrace() {
    state.route(new IngressRoute(IngressMode.REDIRECT, UPSTREAM,
        URI.create("https://b.example:8443/base/"), clock.instant().plusSeconds(10)));
    send("PUT /a%20b?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi");
    String answer = out();
    assertThat(answer).startsWith("HTTP/1.1 307 Temporary Redirect\r\n")
        .contains("location: https://b.example:8443/base/a%20b?x=1\r\n");
    assertThat(upstream.requests).isEmpty();
    assertThat(channel.isOpen()).isTrue();

    clock.advance(Duration.ofSeconds(10));
    send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(out()).startsWith("HTTP/1.1 410 Gone\r\n");
    assertThat(registry.find("icon.ingress.requests").tag("mode", "gone").counter().count())
        .isEqualTo(1);
  }

  @Test
  void drainModeRefusesWith503AndCloses() {
    state.route(new IngressRoute(IngressMode.DRAIN, UPSTREAM, null, null));
    send("GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
    assertThat(out()).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
        .contains("retry-after: 1\r\n").contains("connection: close\r\n");
    assertThat(channel.isOpen()).isFalse();
    assertThat(upstream.requests).isEmpty();
  }

  @Test
  void malformedRequestIs400AndCloses() {
    send("NOT HTTP AT ALL\r\n\r\n");
    assertThat(out()).startsWith("HTTP/1.1 400 Bad Request\r\n");
    assertThat(channel.isOpen()).isFalse();
    assertThat(upstream.requests).isEmpty();
    assertThat(demand.snapshot().prefixes()).isEmpty();
  }

  @Test
  void oversizedHeaderIs431AndOversizedBodyIs413() {
    send("GET / HTTP/1.1\r\nX-Big: " + "b".repeat(2000) + "\r\n\r\n");
    assertThat(out()).startsWith("HTTP/1.1 431 ");
    channel.finishAndReleaseAll();
    channel = channel(16);
    send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 17\r\n\r\n");
    assertThat(out()).startsWith("HTTP/1.1 413 ");
    assertThat(upstream.requests).isEmpty();
  }

  @Test
  void hopByHopStripLeavesEndToEndHeaders() throws Exception {
    var headers = new io.netty.handler.codec.http.DefaultHttpHeaders();
    headers.add("Connection", "close, X-A,x-b").add("X-A", "1").add("x-b", "2")
        .add("Transfer-Encoding", "chunked").add("Trailer", "X-T").add("Cookie", "c=1")
        .add("Proxy-Connection", "keep-alive");
    HopByHopHeaders.strip(headers);
    assertThat(headers.names()).containsExactly("Cookie");
    HopByHopHeaders.forwarded(headers, InetAddress.getByName("::1").getHostAddress());
    assertThat(headers.get("x-forwarded-for")).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(headers.contains("x-forwarded-host")).isFalse();
  }
}
