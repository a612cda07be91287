package dev.icon.market.negotiate;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven {@code /icon/negotiate/1.0.0} stream for misbehaving-peer tests: writes whatever
 * bytes the test chooses and collects the frames that come back. Thread-safe enough for tests:
 * received bytes are guarded by this object's lock.
 */
final class RawNegotiateStream {

  final Stream stream;
  /** Completes when the provider has finished: it half-closed, closed or reset the stream. */
  final CompletableFuture<Throwable> ended = new CompletableFuture<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  private RawNegotiateStream(Stream stream) {
    this.stream = stream;
    stream.onData(new StreamReader() {
      @Override
      public void onData(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        synchronized (RawNegotiateStream.this) {
          received.writeBytes(b);
        }
      }

      @Override
      public void onRemoteClosed() {
        ended.complete(null);
      }

      @Override
      public void onClosed(Throwable cause) {
        ended.complete(cause);
      }
    });
  }

  static RawNegotiateStream open(Host from, PeerId to) throws Exception {
    return new RawNegotiateStream(
        from.newStream(to, List.of(NegotiateProtocol.ID)).get(20, TimeUnit.SECONDS));
  }

  void send(NegotiateFrame frame) throws Exception {
    sendRaw(framed(frame.toByteArray()));
  }

  void sendRaw(byte[] bytes) throws Exception {
    stream.write(bytes).get(20, TimeUnit.SECONDS);
  }

  /** True once the stream was reset (RST sent or received). */
  boolean wasReset() {
    return stream.channel() instanceof dev.icon.overlay.yamux.YamuxStreamChannel y && y.isReset();
  }

  static byte[] framed(byte[] body) {
    byte[] prefix = Uvarint.encode(body.length);
    byte[] out = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  /** The complete frames received so far. */
  synchronized List<NegotiateFrame> frames() throws InvalidProtocolBufferException {
    byte[] all = received.toByteArray();
    List<NegotiateFrame> out = new ArrayList<>();
    int at = 0;
    while (at < all.length) {
      Uvarint.Decoded length;
      try {
        length = Uvarint.decode(all, at);
      } catch (RuntimeException e) {
        break;
      }
      int start = at + length.length();
      if (start + length.value() > all.length) {
        break;
      }
      out.add(NegotiateFrame.parseFrom(ByteBuffer.wrap(all, start, (int) length.value())));
      at = start + (int) length.value();
    }
    return out;
  }
}
