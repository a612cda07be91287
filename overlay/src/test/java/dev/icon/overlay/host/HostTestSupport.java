package dev.icon.overlay.host;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Starts hosts on 127.0.0.1 port 0 and stops them all. */
class HostTestSupport implements AutoCloseable {

  static final String ECHO = "/test/echo/1.0.0";

  private final List<Host> hosts = new ArrayList<>();

  /** A host's first listen address with its /p2p/ id, to dial. */
  static Multiaddr addr(Host h) {
    return h.listenAddrs().get(0).withPeerId(h.peerId());
  }

  /** Waits for {@code f} (at most 20 s: these are loopback operations). */
  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  Host start(UnaryOperator<HostConfig.Builder> config) {
    PrivateKey key = PrivateKey.generateEd25519();
    Host h = Host.builder().identity(key)
        .config(config.apply(HostConfig.forTests().toBuilder()).build())
        .listen("/ip4/127.0.0.1/tcp/0")
        .protocol(ECHO, HostTestSupport::echo)
        .build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  Host start() {
    return start(b -> b);
  }

  /** Echoes everything and half-closes when the remote does. */
  static void echo(Stream s) {
    s.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {
        s.write(data);
      }

      @Override
      public void onRemoteClosed() {
        s.closeWrite();
      }
    });
  }

  @Override
  public void close() {
    for (Host h : hosts) {
      h.stop().join();
    }
  }
}
