package dev.icon.node.ingress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Promise;

/**
 * The end of a pooled upstream connection's pipeline: hands the one expected response to the
 * waiting promise. Runs on the connection's event loop only ({@link #expect} too); one request at a
 * time per connection.
 */
final class UpstreamHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

  private Promise<FullHttpResponse> pending;
  private boolean used;

  UpstreamHandler() {
    super(false);
  }

  /** Whether a request was sent on this connection before (a reused pooled connection). */
  boolean used() {
    return used;
  }

  /** The next response goes to {@code promise}. */
  void expect(Promise<FullHttpResponse> promise) {
    this.pending = promise;
    this.used = true;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
    Promise<FullHttpResponse> p = pending;
    pending = null;
    if (p == null) {
      msg.release();
      ctx.close();
      return;
    }
    if (msg.decoderResult().isFailure()) {
      msg.release();
      p.tryFailure(new UpstreamException(UpstreamError.BAD_RESPONSE,
          "malformed upstream response: " + msg.decoderResult().cause(), null));
      ctx.close();
      return;
    }
    if (!p.trySuccess(msg)) {
      msg.release();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause instanceof TooLongFrameException
        ? new UpstreamException(UpstreamError.RESPONSE_TOO_LARGE,
            "upstream response too large", cause)
        : new UpstreamException(UpstreamError.BAD_RESPONSE,
            "upstream connection failed: " + cause.getMessage(), cause));
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    fail(new UpstreamException(UpstreamError.CLOSED,
        "upstream closed the connection before answering", null));
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent && pending == null) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  private void fail(UpstreamException e) {
    Promise<FullHttpResponse> p = pending;
    pending = null;
    if (p != null) {
      p.tryFailure(e);
    }
  }
}
