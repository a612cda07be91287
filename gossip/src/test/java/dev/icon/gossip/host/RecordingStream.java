package dev.icon.gossip.host;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import io.netty.channel.Channel;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Stream} that records each write and completes it only when the test says so (as a real
 * stream completes a write once its event loop handed it to the connection). Always writable.
 * Thread-safe enough for single-threaded tests.
 */
final class RecordingStream implements Stream {
  final List<byte[]> writes = new ArrayList<>();
  final List<CompletableFuture<Void>> pending = new ArrayList<>();

  /** Completes the oldest write not yet completed. */
  void completeNext() {
    for (CompletableFuture<Void> f : List.copyOf(pending)) {
      if (!f.isDone()) {
        f.complete(null);
        return;
      }
    }
    throw new AssertionError("no write in flight");
  }

  @Override
  public CompletableFuture<Void> write(byte[] data) {
    writes.add(data.clone());
    CompletableFuture<Void> f = new CompletableFuture<>();
    pending.add(f);
    return f;
  }

  @Override
  public CompletableFuture<Void> write(ByteBuffer data) {
    byte[] b = new byte[data.remaining()];
    data.get(b);
    return write(b);
  }

  @Override
  public CompletableFuture<Void> writable() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String protocol() {
    return "/test/1.0.0";
  }

  @Override
  public PeerId remotePeer() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Connection connection() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Direction direction() {
    return Direction.OUTBOUND;
  }

  @Override
  public void onData(StreamReader reader) {}

  @Override
  public CompletableFuture<byte[]> readToEnd(int maxBytes) {
    throw new UnsupportedOperationException();
  }

  @Override
  public InputStream inputStream() {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Void> closeWrite() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> close() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void reset() {}

  @Override
  public CompletableFuture<Void> closeFuture() {
    return new CompletableFuture<>();
  }

  @Override
  public Channel channel() {
    throw new UnsupportedOperationException();
  }
}
