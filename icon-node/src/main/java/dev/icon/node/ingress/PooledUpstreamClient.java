package dev.icon.node.ingress;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keep-alive connections to upstreams, pooled per address and per I/O thread ({@link
 * FixedChannelPool}: bounded connections and waiters): a request goes out on a connection served
 * by the same event loop as its client connection, so a proxied exchange never changes thread. A request whose reused connection turns out closed before any answer
 * (the upstream dropped an idle keep-alive connection) is sent once more on another connection
 * when its method is idempotent. Thread-safe.
 */
final class PooledUpstreamClient implements UpstreamClient {

  private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD,
      HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

  private final IngressConfig config;
  private final AbstractChannelPoolMap<PoolKey, FixedChannelPool> pools;

  /** One pool per upstream address and event loop. */
  private record PoolKey(InetSocketAddress upstream, EventLoop loop) {}

  PooledUpstreamClient(IngressTransport transport, IngressConfig config) {
    this.config = config;
    Bootstrap template = new Bootstrap()
        .group(transport.group())
        .channel(transport.socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis());
    AbstractChannelPoolHandler handler = new AbstractChannelPoolHandler() {
      @Override
      public void channelCreated(Channel ch) {
        long idle = config.upstreamIdleTimeout().toMillis();
        ch.pipeline().addLast(
            new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS),
            new HttpClientCodec(new HttpDecoderConfig(), false, false),
            new HttpObjectAggregator(config.maxResponseBodyBytes()),
            new UpstreamHandler());
      }
    };
    this.pools = new AbstractChannelPoolMap<>() {
      @Override
      protected FixedChannelPool newPool(PoolKey key) {
        return new FixedChannelPool(
            template.clone(key.loop()).remoteAddress(key.upstream()), handler,
            ChannelHealthChecker.ACTIVE, FixedChannelPool.AcquireTimeoutAction.FAIL,
            config.responseTimeout().toMillis(), config.maxUpstreamConnections(),
            config.maxPendingAcquires(), true, true);
      }
    };
  }

  @Override
  public void send(InetSocketAddress upstream, EventLoop loop, FullHttpRequest request,
      Promise<FullHttpResponse> result) {
    attempt(pools.get(new PoolKey(upstream, loop)), request, result,
        IDEMPOTENT.contains(request.method()) ? 1 : 0);
  }

  private void attempt(FixedChannelPool pool, FullHttpRequest request,
      Promise<FullHttpResponse> result, int retries) {
    pool.acquire().addListener((Future<Channel> f) -> {
      if (!f.isSuccess()) {
        request.release();
        result.tryFailure(acquireFailure(f.cause()));
        return;
      }
      Channel ch = f.getNow();
      if (ch.eventLoop().inEventLoop()) {
        exchange(pool, ch, request, result, retries);
      } else {
        ch.eventLoop().execute(() -> exchange(pool, ch, request, result, retries));
      }
    });
  }

  private void exchange(FixedChannelPool pool, Channel ch, FullHttpRequest request,
      Promise<FullHttpResponse> result, int retries) {
    UpstreamHandler handler = ch.pipeline().get(UpstreamHandler.class);
    boolean reused = handler != null && handler.used();
    Promise<FullHttpResponse> one = ch.eventLoop().newPromise();
    if (handler == null || !ch.isActive()) {
      one.tryFailure(new UpstreamException(UpstreamError.CLOSED, "upstream connection closed",
          null));
    } else {
      handler.expect(one);
    }
    ScheduledFuture<?> timeout = ch.eventLoop().schedule(() -> {
      one.tryFailure(new UpstreamException(UpstreamError.RESPONSE_TIMEOUT,
          "no response from the upstream within " + config.responseTimeout().toMillis() + " ms",
          null));
    }, config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (!one.isDone()) {
      ch.writeAndFlush(request.retainedDuplicate()).addListener(w -> {
        if (!w.isSuccess()) {
          one.tryFailure(new UpstreamException(UpstreamError.CLOSED,
              "could not send to the upstream: " + w.cause(), w.cause()));
        }
      });
    }
    one.addListener((Future<FullHttpResponse> r) -> {
      timeout.cancel(false);
      if (r.isSuccess()) {
        FullHttpResponse response = r.getNow();
        if (!HttpUtil.isKeepAlive(response)) {
          ch.close();
        }
        pool.release(ch);
        request.release();
        if (!result.trySuccess(response)) {
          response.release();
        }
        return;
      }
      ch.close();
      pool.release(ch);
      UpstreamException e = (UpstreamException) r.cause();
      if (retries > 0 && reused && e.error() == UpstreamError.CLOSED && !result.isDone()) {
        attempt(pool, request, result, retries - 1);
      } else {
        request.release();
        result.tryFailure(e);
      }
    });
  }

  private static UpstreamException acquireFailure(Throwable cause) {
    if (cause instanceof ConnectTimeoutException) {
      return new UpstreamException(UpstreamError.CONNECT_TIMEOUT,
          "upstream connect timed out", cause);
    }
    if (cause instanceof ConnectException) {
      return new UpstreamException(UpstreamError.CONNECT_FAILED,
          "upstream refused the connection", cause);
    }
    if (cause instanceof TimeoutException || cause instanceof IllegalStateException) {
      return new UpstreamException(UpstreamError.OVERLOADED,
          "too many requests wait for the upstream", cause);
    }
    return new UpstreamException(UpstreamError.CONNECT_FAILED,
        "upstream unreachable: " + cause.getMessage(), cause);
  }

  /** Closes every pool without blocking the calling thread (may be an event loop). */
  @Override
  public CompletableFuture<Void> close() {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Map.Entry<PoolKey, FixedChannelPool> e : pools) {
      CompletableFuture<Void> one = new CompletableFuture<>();
      e.getValue().closeAsync().addListener(f -> one.complete(null));
      all.add(one);
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }
}
