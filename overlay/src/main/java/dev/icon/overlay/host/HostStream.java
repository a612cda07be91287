package dev.icon.overlay.host;

import dev.icon.overlay.api.Connection;
import dev.icon.overlay.api.Direction;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamReader;
import dev.icon.overlay.identity.PeerId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Stream} over a muxer child channel. Thread-safe (see {@link Stream}); writes copy the
 * caller's bytes, so the caller keeps ownership of its arrays and buffers.
 */
final class HostStream implements Stream {

  private final Channel channel;
  private final String protocol;
  private final HostConnection connection;
  private final Direction direction;
  private final StreamAdapter adapter;
  private final CompletableFuture<Void> closeFuture;

  HostStream(Channel channel, String protocol, HostConnection connection, Direction direction) {
    this.channel = channel;
    this.protocol = protocol;
    this.connection = connection;
    this.direction = direction;
    this.adapter = new StreamAdapter();
    channel.pipeline().addLast(HANDLER_NAME, adapter);
    this.closeFuture = toFuture(channel.closeFuture());
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public PeerId remotePeer() {
    return connection.remotePeer();
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public CompletableFuture<Void> write(byte[] data) {
    return toFuture(channel.writeAndFlush(Unpooled.copiedBuffer(data)));
  }

  @Override
  public CompletableFuture<Void> write(ByteBuffer data) {
    ByteBuf copy = Unpooled.copiedBuffer(data);
    data.position(data.limit());
    return toFuture(channel.writeAndFlush(copy));
  }

  @Override
  public CompletableFuture<Void> writable() {
    return adapter.writable();
  }

  @Override
  public void onData(StreamReader reader) {
    adapter.setReader(reader);
  }

  @Override
  public InputStream inputStream() {
    StreamInputStream in = new StreamInputStream(channel);
    onData(in);
    return in;
  }

  @Override
  public CompletableFuture<Void> closeWrite() {
    if (channel instanceof DuplexChannel d) {
      return toFuture(d.shutdownOutput());
    }
    return close();
  }

  @Override
  public CompletableFuture<Void> close() {
    return toFuture(channel.close());
  }

  @Override
  public void reset() {
    reset(channel);
  }

  /** Aborts a stream channel: RST on Yamux streams, a plain close on any other channel. */
  static void reset(Channel channel) {
    if (channel instanceof dev.icon.overlay.yamux.YamuxStreamChannel y) {
      y.reset();
    } else {
      channel.close();
    }
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public String toString() {
    return "Stream[" + protocol + " " + direction + " " + connection.remotePeer() + "]";
  }

  static CompletableFuture<Void> toFuture(ChannelFuture f) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    f.addListener(x -> {
      if (x.isSuccess()) {
        result.complete(null);
      } else {
        result.completeExceptionally(x.cause());
      }
    });
    return result;
  }
}
