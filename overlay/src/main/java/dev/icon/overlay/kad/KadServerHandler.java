package dev.icon.overlay.kad;

import dev.icon.overlay.api.Stream;
import dev.icon.overlay.api.StreamHandler;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves inbound {@code /ipfs/kad/1.0.0} streams (server mode): frames with {@link KadCodec},
 * answers each request through {@link KadRequestHandler}, as many requests per stream as the
 * remote sends (go and js-libp2p reuse streams). A malformed frame or a bad request (a {@link
 * KadException}) resets that stream only; the reason is logged at debug level.
 *
 * <p>Threading: the handler installs itself on the stream's event loop; each request is handled
 * there (the request handler is quick and never blocks).
 */
final class KadServerHandler implements StreamHandler {

  private static final Logger LOG = LoggerFactory.getLogger(KadServerHandler.class);

  private final KadConfig config;
  private final KadRequestHandler handler;
  private final BooleanSupplier running;

  /** Serves with {@code handler} while {@code running} holds (streams are reset afterwards). */
  KadServerHandler(KadConfig config, KadRequestHandler handler, BooleanSupplier running) {
    this.config = Objects.requireNonNull(config, "config");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.running = Objects.requireNonNull(running, "running");
  }

  @Override
  public void handle(Stream stream) {
    if (!running.getAsBoolean()) {
      stream.reset();
      return;
    }
    PeerId remote = stream.remotePeer();
    stream.channel().pipeline()
        .addBefore(Stream.HANDLER_NAME, "kad-codec", new KadCodec(config.maxMessageSize()))
        .addBefore(Stream.HANDLER_NAME, "kad-server", new Requests(remote, stream));
    // The host's stream adapter holds reads back until a reader is set; our handlers read.
    stream.channel().config().setAutoRead(true);
  }

  /** Reads requests from one stream. */
  private final class Requests extends SimpleChannelInboundHandler<Message> {
    private final PeerId remote;
    private final Stream stream;

    Requests(PeerId remote, Stream stream) {
      super(Message.class);
      this.remote = remote;
      this.stream = stream;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message request) {
      if (!running.getAsBoolean()) {
        stream.reset();
        return;
      }
      Optional<Message> response = handler.handle(remote, request);
      response.ifPresent(m -> ctx.writeAndFlush(m)
          .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("resetting kad stream from {}: {}", remote, cause.getMessage());
      stream.reset();
    }
  }
}
