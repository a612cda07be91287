package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Yamux session on an {@link EmbeddedChannel}, driven frame by frame: the test plays the
 * remote peer. Frames the session sends are decoded back; the caller releases them.
 */
final class EmbeddedPeer implements AutoCloseable {
  final EmbeddedChannel channel = new EmbeddedChannel();
  final YamuxSession session;
  final List<YamuxStreamChannel> accepted = new ArrayList<>();
  private final EmbeddedChannel decoder = new EmbeddedChannel(new YamuxCodec(Integer.MAX_VALUE));

  EmbeddedPeer(Role role, YamuxConfig config, Consumer<Channel> streamSetup) {
    session = new YamuxMuxer(config).install(channel, role, new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        accepted.add((YamuxStreamChannel) ch);
        streamSetup.accept(ch);
      }
    });
  }

  static YamuxConfig.Builder testConfig() {
    return YamuxConfig.builder().keepAliveInterval(Duration.ZERO);
  }

  /** Encodes {@code frames} as the remote would and feeds them in; takes ownership. */
  void receive(YamuxFrame... frames) {
    ByteBuf buf = Unpooled.buffer();
    for (YamuxFrame f : frames) {
      YamuxCodec.writeHeader(f, buf);
      if (f.data() != null) {
        buf.writeBytes(f.data());
        f.release();
      }
    }
    channel.writeInbound(buf);
    channel.runPendingTasks();
  }

  /** Everything the session wrote since the last call, decoded. */
  List<YamuxFrame> sent() {
    channel.runPendingTasks();
    List<YamuxFrame> out = new ArrayList<>();
    ByteBuf b;
    while ((b = channel.readOutbound()) != null) {
      decoder.writeInbound(b);
    }
    YamuxFrame f;
    while ((f = decoder.readInbound()) != null) {
      out.add(f);
    }
    return out;
  }

  /** A sent frame's header (payload released). */
  record Header(YamuxFrameType type, int flags, int streamId, long length) {
    boolean has(int flag) {
      return (flags & flag) == flag;
    }
  }

  /** Like {@link #sent()} but keeps only headers, drops pings and releases every payload. */
  List<Header> sentHeaders() {
    List<Header> out = new ArrayList<>();
    for (YamuxFrame f : sent()) {
      if (f.type() != YamuxFrameType.PING) {
        out.add(new Header(f.type(), f.flags(), f.streamId(), f.length()));
      }
      f.release();
    }
    return out;
  }

  static YamuxFrame data(int streamId, int flags, int length) {
    return YamuxFrame.data(streamId, flags, Unpooled.wrappedBuffer(new byte[length]));
  }

  @Override
  public void close() {
    channel.finishAndReleaseAll();
    decoder.finishAndReleaseAll();
  }
}
