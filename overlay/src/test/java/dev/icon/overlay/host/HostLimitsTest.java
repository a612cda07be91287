package dev.icon.overlay.host;

import static dev.icon.overlay.host.HostTestSupport.addr;
import static dev.icon.overlay.host.HostTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Limits, several listen addresses, IPv6, failing handlers and close semantics over real TCP. */
@Timeout(60)
class HostLimitsTest {

  private final HostTestSupport hosts = new HostTestSupport();

  @AfterEach
  void stopAll() {
    hosts.close();
  }

  @Test
  void perPeerLimitKeepsOneConnection() throws Exception {
    Host server = hosts.start(b -> b.maxConnectionsPerPeer(1));
    Host a = hosts.start();
    Connection first = get(a.dial(addr(server)));
    // without /p2p/ the dial is not deduplicated against the first one: a second TCP connection
    a.dial(server.listenAddrs().get(0)).handle((c, e) -> null).get(20, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(server.connections(a.peerId())).hasSize(1);
      assertThat(a.connections(server.peerId())).hasSize(1);
    });
    assertThat(first.isOpen()).isTrue();
  }

  @Test
  void streamLimitPerConnectionRefusesExtraStreams() throws Exception {
    Host server = hosts.start(b -> b.maxStreamsPerConnection(3));
    Host a = hosts.start();
    get(a.dial(addr(server)));
    await().atMost(Duration.ofSeconds(10)).until(() -> !a.peerStore().protocols(server.peerId()).isEmpty());
    await().atMost(Duration.ofSeconds(10)).until(() -> server.connections().get(0).streamCount() == 0);
    int opened = 0;
    int refused = 0;
    for (int i = 0; i < 5; i++) {
      CompletableFuture<Stream> f = a.newStream(server.peerId(), List.of(HostTestSupport.ECHO));
      if (f.handle((s, e) -> e == null).get(20, TimeUnit.SECONDS)) {
        opened++;
      } else {
        refused++;
      }
    }
    assertThat(opened).isEqualTo(3);
    assertThat(refused).isEqualTo(2);
    assertThat(server.connections().get(0).streamCount()).isLessThanOrEqualTo(3);
  }

  @Test
  void listensOnSeveralAddresses() throws Exception {
    Host server = hostWithKey("/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/tcp/0");
    try {
      assertThat(server.listenAddrs()).hasSize(2);
      assertThat(server.listenAddrs().get(0)).isNotEqualTo(server.listenAddrs().get(1));
      Host a = hosts.start();
      Host b = hosts.start();
      assertThat(get(a.dial(server.listenAddrs().get(0))).remotePeer()).isEqualTo(server.peerId());
      assertThat(get(b.dial(server.listenAddrs().get(1))).remotePeer()).isEqualTo(server.peerId());
    } finally {
      server.stop().join();
    }
  }

  @Test
  void ipv6Loopback() throws Exception {
    Host server;
    try {
      server = hostWithKey("/ip6/::1/tcp/0");
    } catch (RuntimeException e) {
      Assumptions.abort("IPv6 loopback not available: " + e.getMessage());
      return;
    }
    try {
      assertThat(server.listenAddrs().get(0).toString()).startsWith("/ip6/::1/tcp/");
      Host a = hosts.start();
      assertThat(get(a.ping(get(a.dial(server.listenAddrs().get(0))).remotePeer()))).isPositive();
    } finally {
      server.stop().join();
    }
  }

  @Test
  void wildcardListenAddressIsExpandedToInterfaceAddresses() throws Exception {
    Host server = hostWithKey("/ip4/0.0.0.0/tcp/0");
    try {
      List<Multiaddr> addrs = server.listenAddrs();
      assertThat(addrs).isNotEmpty().noneMatch(a -> a.toString().startsWith("/ip4/0.0.0.0/"));
      Multiaddr loopback = addrs.stream().filter(a -> a.toString().startsWith("/ip4/127.0.0.1/"))
          .findFirst().orElseThrow(() -> new AssertionError("no loopback in " + addrs));
      Host a = hosts.start();
      assertThat(get(a.dial(loopback.withPeerId(server.peerId()))).remotePeer()).isEqualTo(server.peerId());
    } finally {
      server.stop().join();
    }
  }

  private static Host hostWithKey(String... listen) {
    var key = dev.icon.overlay.identity.PrivateKey.generateEd25519();
    Host h = Host.builder().identity(key)
        .config(dev.icon.overlay.api.HostConfig.forTests()).listen(listen).build();
    h.start().join();
    return h;
  }

  @Test
  void throwingHandlerClosesOnlyItsStream() throws Exception {
    Host server = hosts.start();
    server.addProtocol("/test/throws/1", s -> {
      throw new IllegalStateException("handler bug");
    });
    Host a = hosts.start();
    Connection c = get(a.dial(addr(server)));
    Stream s = get(a.newStream(server.peerId(), List.of("/test/throws/1")));
    get(s.closeFuture());
    assertThat(c.isOpen()).isTrue();
    assertThat(get(a.ping(server.peerId()))).isPositive();
  }

  @Test
  void remoteResetIsReportedToReader() throws Exception {
    Host server = hosts.start();
    server.addProtocol("/test/reset/1", Stream::reset);
    Host a = hosts.start();
    get(a.dial(addr(server)));
    Stream s = get(a.newStream(server.peerId(), List.of("/test/reset/1")));
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    s.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {}

      @Override
      public void onClosed(Throwable cause) {
        closed.complete(true);
      }
    });
    assertThat(get(closed)).isTrue();
  }

  @Test
  void gracefulCloseFiresDisconnectedOnBothSides() throws Exception {
    Host server = hosts.start();
    Host a = hosts.start();
    CompletableFuture<Connection> gone = new CompletableFuture<>();
    server.addListener(new HostListener() {
      @Override
      public void disconnected(Connection c) {
        gone.complete(c);
      }
    });
    Connection c = get(a.dial(addr(server)));
    Stream open = get(a.newStream(server.peerId(), List.of(HostTestSupport.ECHO)));
    get(c.close());
    assertThat(get(gone).remotePeer()).isEqualTo(a.peerId());
    assertThat(open.closeFuture()).succeedsWithin(Duration.ofSeconds(10));
    assertThat(a.connections()).isEmpty();
  }
}
