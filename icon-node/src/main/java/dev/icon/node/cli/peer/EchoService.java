package dev.icon.node.cli.peer;

import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test protocol: the server writes every byte back and closes once the client has half-closed;
 * the client sends a payload, half-closes and compares what comes back.
 */
final class EchoService {

  /** Received bytes up to this size are reported back as text in {@code echo} events. */
  private static final int MAX_REPORTED_TEXT = 256;

  private final EventPrinter events;

  EchoService(EventPrinter events) {
    this.events = events;
  }

  /** The server side, to register under an echo protocol id. */
  StreamHandler handler() {
    return stream -> stream.onData(new StreamReader() {
      private final ByteArrayOutputStream head = new ByteArrayOutputStream();
      private long bytes;
      private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

      @Override
      public void onData(ByteBuffer data) {
        int n = data.remaining();
        if (bytes < MAX_REPORTED_TEXT) {
          byte[] copy = new byte[Math.min(n, MAX_REPORTED_TEXT)];
          data.duplicate().get(copy);
          head.writeBytes(copy);
        }
        bytes += n;
        lastWrite = stream.write(data);
      }

      @Override
      public void onRemoteClosed() {
        lastWrite.thenCompose(v -> stream.closeWrite()).whenComplete((v, e) -> {
          if (e != null) {
            events.error("echo-server", e);
            stream.reset();
            return;
          }
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("role", "server");
          f.put("protocol", stream.protocol());
          f.put("peerId", stream.remotePeer().toBase58());
          f.put("bytes", bytes);
          f.put("data", bytes <= MAX_REPORTED_TEXT ? head.toString(StandardCharsets.UTF_8) : null);
          events.emit("echo", f);
        });
      }
    });
  }

  /** Sends {@code payload} on {@code protocol} and reports whether the echo matched. */
  CompletableFuture<Boolean> send(Host host, PeerId peer, String protocol, byte[] payload,
      String text) {
    long start = System.nanoTime();
    return host.newStream(peer, List.of(protocol)).thenCompose(stream -> {
      CompletableFuture<byte[]> echoed = readAll(stream);
      return writeAll(stream, payload)
          .thenCompose(v -> stream.closeWrite())
          .thenCompose(v -> echoed)
          .thenApply(received -> {
            boolean match = Arrays.equals(payload, received);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("role", "client");
            f.put("protocol", protocol);
            f.put("peerId", peer.toBase58());
            f.put("bytes", payload.length);
            f.put("received_bytes", received.length);
            f.put("data", text);
            f.put("match", match);
            f.put("ms", (System.nanoTime() - start) / 1e6);
            events.emit("echo", f);
            stream.close();
            return match;
          });
    });
  }

  /** Writes {@code data} in chunks, waiting for writability between them. */
  static CompletableFuture<Void> writeAll(Stream stream, byte[] data) {
    final int chunk = 64 * 1024;
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    for (int off = 0; off < data.length; off += chunk) {
      ByteBuffer part = ByteBuffer.wrap(data, off, Math.min(chunk, data.length - off));
      done = done.thenCompose(v -> stream.writable()).thenCompose(v -> stream.write(part));
    }
    return done;
  }

  /** Collects everything the remote writes until it half-closes. */
  static CompletableFuture<byte[]> readAll(Stream stream) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    stream.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        buf.writeBytes(copy);
      }

      @Override
      public void onRemoteClosed() {
        result.complete(buf.toByteArray());
      }

      @Override
      public void onClosed(Throwable cause) {
        if (cause != null) {
          result.completeExceptionally(cause);
        } else {
          result.complete(buf.toByteArray());
        }
      }
    });
    return result;
  }
}
