package dev.icon.interop;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.api.HostListener;
import dev.icon.overlay.api.PeerInfo;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process Java host for interop tests: an echo protocol, perf enabled, identify results
 * recorded per peer, and helpers to echo payloads and watch buffered memory.
 */
final class JavaHostFixture implements AutoCloseable {

  static final String ECHO = "/echo/1.0.0";

  final Host host;
  final Map<PeerId, PeerInfo> identified = new ConcurrentHashMap<>();

  JavaHostFixture() {
    host = Host.builder()
        .config(HostConfig.defaults().toBuilder().perfEnabled(true).build())
        .protocol(ECHO, JavaHostFixture::echo)
        .listener(new HostListener() {
          @Override
          public void identified(PeerId peer, PeerInfo info) {
            identified.put(peer, info);
          }
        })
        .build();
    host.start().join();
  }

  /** This host's first listen address with /p2p/. */
  String addr() {
    return host.listenAddrs().get(0).withPeerId(host.peerId()).toString();
  }

  /** Echo server: writes everything back, half-closes when the remote did. */
  static void echo(Stream stream) {
    stream.onData(new StreamReader() {
      private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

      @Override
      public void onData(ByteBuffer data) {
        last = stream.write(data);
      }

      @Override
      public void onRemoteClosed() {
        last.thenCompose(v -> stream.closeWrite());
      }
    });
  }

  /** Sends {@code payload} on a new echo stream and returns what came back. */
  CompletableFuture<byte[]> echoVia(PeerId peer, byte[] payload) {
    return host.newStream(peer, List.of(ECHO)).thenCompose(stream -> {
      CompletableFuture<byte[]> back = new CompletableFuture<>();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      stream.onData(new StreamReader() {
        @Override
        public void onData(ByteBuffer data) {
          byte[] b = new byte[data.remaining()];
          data.get(b);
          buf.writeBytes(b);
        }

        @Override
        public void onRemoteClosed() {
          back.complete(buf.toByteArray());
          stream.close();
        }

        @Override
        public void onClosed(Throwable cause) {
          if (cause != null) {
            back.completeExceptionally(cause);
          } else {
            back.complete(buf.toByteArray());
          }
        }
      });
      CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
      for (int off = 0; off < payload.length; off += 64 * 1024) {
        ByteBuffer part = ByteBuffer.wrap(payload, off, Math.min(64 * 1024, payload.length - off));
        written = written.thenCompose(v -> stream.writable()).thenCompose(v -> stream.write(part));
      }
      return written.thenCompose(v -> stream.closeWrite()).thenCompose(v -> back);
    });
  }

  /**
   * Samples the bytes Netty's default allocator holds, every few milliseconds on a daemon
   * thread, until closed; {@link #max()} is the peak seen. Buffered data that grew without bound
   * (a muxer ignoring windows, a codec accumulating) shows up here, unlike in GC-noisy heap figures.
   */
  static final class BufferedBytesSampler implements AutoCloseable {
    private final AtomicLong max = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    BufferedBytesSampler() {
      var metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
      thread = new Thread(() -> {
        while (running) {
          max.accumulateAndGet(metric.usedDirectMemory() + metric.usedHeapMemory(), Math::max);
          java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
      }, "buffered-bytes-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long max() {
      return max.get();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  @Override
  public void close() {
    host.stop().orTimeout(20, TimeUnit.SECONDS).join();
  }
}
