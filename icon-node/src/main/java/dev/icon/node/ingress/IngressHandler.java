package dev.icon.node.ingress;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: takes a whole request, records its demand, and answers it by the mode
 * of the moment (forward, 307, 410 or 503). One request at a time per connection (reading pauses
 * until the answer is written), so pipelined requests are answered in order. Runs on the
 * connection's event loop; the upstream's answer is handed back to it.
 */
final class IngressHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = LoggerFactory.getLogger(IngressHandler.class);

  private final IngressState state;
  private final UpstreamClient upstream;
  private final DemandRecorder demand;
  private final ClientRttSource rttSource;
  private final IngressMetrics metrics;
  /** Pipelined requests held while one is answered; more than this closes the connection. */
  static final int MAX_PIPELINED = 16;

  private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
  private boolean busy;

  IngressHandler(IngressState state, UpstreamClient upstream, DemandRecorder demand,
      ClientRttSource rttSource, IngressMetrics metrics) {
    super(false);
    this.state = state;
    this.upstream = upstream;
    this.demand = demand;
    this.rttSource = rttSource;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (busy) {
      // Pipelined: decoded from bytes read along with an earlier request; answered in order.
      queued.add(req);
      if (queued.size() > MAX_PIPELINED) {
        metrics.error("too_many_pipelined");
        ctx.close();
      }
      return;
    }
    handle(ctx, req);
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
    busy = true;
    state.started();
    ctx.channel().config().setAutoRead(false);
    if (req.decoderResult().isFailure()) {
      Throwable cause = req.decoderResult().cause();
      req.release();
      rejectMalformed(ctx, cause);
      return;
    }
    record(ctx);
    IngressRoute route = state.route();
    IngressMode mode = route.modeAt(state.clock().instant());
    metrics.request(mode);
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    switch (mode) {
      case PROXY -> proxy(ctx, req, route, keepAlive);
      case REDIRECT -> redirect(ctx, req, route, keepAlive);
      case GONE -> {
        req.release();
        answer(ctx, IngressResponses.text(ctx.alloc(), 410,
            "gone: this service moved to " + route.redirectBase()), keepAlive);
      }
      case DRAIN -> {
        req.release();
        FullHttpResponse r = IngressResponses.text(ctx.alloc(), 503, "draining: try again");
        r.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        answer(ctx, r, false);
      }
    }
  }

  private void rejectMalformed(ChannelHandlerContext ctx, Throwable cause) {
    int status;
    String reason;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      reason = "uri_too_long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      reason = "header_too_large";
    } else {
      status = 400;
      reason = "bad_request";
    }
    metrics.error(reason);
    LOG.debug("refused a malformed request from {}: {}", ctx.channel().remoteAddress(), cause);
    answer(ctx, IngressResponses.text(ctx.alloc(), status,
        "bad request: " + String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)), false);
  }

  private void record(ChannelHandlerContext ctx) {
    if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)
        || remote.getAddress() == null) {
      return;
    }
    var kernel = IngressTransport.kernelRtt(ctx.channel());
    if (kernel.isPresent()) {
      demand.request(remote.getAddress(), kernel.get(), RttOrigin.KERNEL);
      return;
    }
    var estimate = rttSource.rtt(remote.getAddress());
    if (estimate.isPresent() && !estimate.get().isNegative()) {
      demand.request(remote.getAddress(), estimate.get(), RttOrigin.ESTIMATE);
    } else {
      demand.request(remote.getAddress());
    }
  }

  private void redirect(ChannelHandlerContext ctx, FullHttpRequest req, IngressRoute route,
      boolean keepAlive) {
    String uri = req.uri();
    req.release();
    String location;
    try {
      location = route.location(uri);
    } catch (IllegalArgumentException e) {
      metrics.error("bad_request");
      answer(ctx, IngressResponses.text(ctx.alloc(), 400, "bad request target"), false);
      return;
    }
    answer(ctx, IngressResponses.redirect(ctx.alloc(), location), keepAlive);
  }

  private void proxy(ChannelHandlerContext ctx, FullHttpRequest req, IngressRoute route,
      boolean keepAlive) {
    boolean head = req.method().equals(HttpMethod.HEAD);
    HopByHopHeaders.strip(req.headers());
    req.headers().remove(HttpHeaderNames.EXPECT);
    req.setProtocolVersion(HttpVersion.HTTP_1_1);
    HttpUtil.setContentLength(req, req.content().readableBytes());
    if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote
        && remote.getAddress() != null) {
      HopByHopHeaders.forwarded(req.headers(), remote.getAddress().getHostAddress());
    }
    Promise<FullHttpResponse> result = ctx.executor().newPromise();
    result.addListener((Future<FullHttpResponse> f) -> {
      if (f.isSuccess()) {
        FullHttpResponse response = f.getNow();
        HopByHopHeaders.strip(response.headers());
        int code = response.status().code();
        if (!head && code != 204 && code != 304 && code >= 200) {
          HttpUtil.setContentLength(response, response.content().readableBytes());
        }
        answer(ctx, response, keepAlive);
        return;
      }
      UpstreamError error = f.cause() instanceof UpstreamException e
          ? e.error() : UpstreamError.BAD_RESPONSE;
      metrics.error(error.name().toLowerCase(Locale.ROOT));
      answer(ctx, IngressResponses.text(ctx.alloc(), error.status(),
          "upstream " + route.upstream().getHostString() + ":" + route.upstream().getPort()
              + " failed: " + f.cause().getMessage()), keepAlive);
    });
    upstream.send(route.upstream(), ctx.channel().eventLoop(), req, result);
  }

  private void answer(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
      busy = false;
      state.finished();
      if (!keepAlive || !f.isSuccess()) {
        ctx.close();
      } else if (!queued.isEmpty()) {
        handle(ctx, queued.poll());
      } else {
        ctx.channel().config().setAutoRead(true);
        ctx.read();
      }
    });
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (FullHttpRequest r; (r = queued.poll()) != null; ) {
      r.release();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent && !busy) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("client connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
