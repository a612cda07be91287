package dev.icon.overlay.spi;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/**
 * A stream multiplexer ("/yamux/1.0.0"): many independent streams over one secured connection.
 *
 * <p>Each stream is a Netty child {@link Channel} whose parent is the connection channel: a
 * protocol is written as an ordinary pipeline on it. A contract test suite checks every
 * implementation the same way.
 */
public interface StreamMuxer {

  /** The protocol id negotiated for this muxer, e.g. {@code /yamux/1.0.0}. */
  String protocolId();

  /**
   * Installs the muxer at the end of {@code connection}'s pipeline.
   *
   * @param inboundStreams initializes the pipeline of each stream the remote opens
   */
  MuxedSession install(Channel connection, Role role, ChannelInitializer<Channel> inboundStreams);
}
