package dev.icon.overlay.yamux;

import dev.icon.overlay.spi.Role;
import dev.icon.overlay.spi.StreamMuxer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.util.Objects;

/**
 * The {@code /yamux/1.0.0} {@link StreamMuxer}: installs {@link YamuxCodec} and
 * {@link YamuxHandler} at the end of a connection's pipeline. Immutable and thread-safe; one
 * instance may serve every connection.
 */
public final class YamuxMuxer implements StreamMuxer {
  private final YamuxConfig config;

  /** A muxer with {@link YamuxConfig#defaults()}. */
  public YamuxMuxer() {
    this(YamuxConfig.defaults());
  }

  /** A muxer with the given settings. */
  public YamuxMuxer(YamuxConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String protocolId() {
    return YamuxProtocol.ID;
  }

  /**
   * Installs the muxer; call on the connection's event loop (e.g. from a handler) or before the
   * channel is registered. Inbound streams are registered with {@code inboundStreams} as their
   * only handler.
   */
  @Override
  public YamuxSession install(Channel connection, Role role,
      ChannelInitializer<Channel> inboundStreams) {
    YamuxHandler handler = new YamuxHandler(connection, role, config, inboundStreams);
    connection.pipeline().addLast("yamux-codec", new YamuxCodec(config.maxStreamWindow()));
    connection.pipeline().addLast("yamux", handler);
    return handler.session();
  }
}
