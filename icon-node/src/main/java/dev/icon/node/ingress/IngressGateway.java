package dev.icon.node.ingress;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ingress of an ICON: an HTTP/1.1 reverse proxy in front of its service that records demand
 * per client prefix ({@link DemandRecorder}) and can be switched at run time between forwarding
 * ({@link #proxyTo}), redirecting to a new place for a grace period ({@link #redirectTo}), and
 * draining ({@link #drain}): the make-before-break steps of a migration.
 *
 * <p>Lifecycle: {@link #start()} binds, {@link #stop()} closes the listener, every connection and
 * the upstream pool; both idempotent. Thread-safe: the mode may be switched from any thread; a
 * request keeps the decision taken when it arrived. Time (grace periods, demand windows) comes
 * from the {@link DemandRecorder}'s clock.
 */
public final class IngressGateway implements AutoCloseable {

  private final IngressConfig config;
  private final DemandRecorder demand;
  private final ClientRttSource rttSource;
  private final IngressState state;
  private final IngressMetrics metrics;
  private final IngressTransport transport;
  private final UpstreamClient upstream;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile Channel server;

  /**
   * A gateway (not yet listening).
   *
   * @param config settings
   * @param demand where demand is recorded (its clock is the gateway's clock)
   * @param rttSource RTT estimates for clients whose kernel RTT is unknown
   * @param registry where the gateway's meters are registered
   */
  public IngressGateway(IngressConfig config, DemandRecorder demand, ClientRttSource rttSource,
      MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.demand = Objects.requireNonNull(demand, "demand");
    this.rttSource = Objects.requireNonNull(rttSource, "rttSource");
    this.state = new IngressState(
        new IngressRoute(IngressMode.PROXY, config.upstream(), null, null), demand.clock());
    this.metrics = new IngressMetrics(Objects.requireNonNull(registry, "registry"),
        config.name(), state);
    this.transport = IngressTransport.create(config.ioThreads(), config.preferNativeTransport());
    this.upstream = new PooledUpstreamClient(transport, config);
  }

  /** Binds the listener; completes with the bound address. Idempotent. */
  public CompletableFuture<InetSocketAddress> start() {
    if (!started.compareAndSet(false, true)) {
      return bound;
    }
    HttpDecoderConfig decoder = new HttpDecoderConfig()
        .setMaxInitialLineLength(config.maxInitialLineBytes())
        .setMaxHeaderSize(config.maxHeaderBytes());
    long idle = config.clientIdleTimeout().toMillis();
    new ServerBootstrap()
        .group(transport.group())
        .channel(transport.serverChannel())
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.add(ch);
            ch.pipeline().addLast(
                new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS),
                new HttpServerCodec(decoder),
                new BoundedRequestAggregator(config.maxRequestBodyBytes(), metrics),
                new IngressHandler(state, upstream, demand, rttSource, metrics));
          }
        })
        .bind(config.bind())
        .addListener(f -> {
          if (f.isSuccess()) {
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            server = ch;
            bound.complete((InetSocketAddress) ch.localAddress());
          } else {
            bound.completeExceptionally(f.cause());
          }
        });
    return bound;
  }

  /** The bound address; throws if not started. */
  public InetSocketAddress address() {
    Channel ch = server;
    if (ch == null) {
      throw new IllegalStateException("not listening");
    }
    return (InetSocketAddress) ch.localAddress();
  }

  /** Whether epoll is in use (and so the kernel's client RTT is recorded). */
  public boolean nativeTransport() {
    return transport.nativeEpoll();
  }

  /** The current route. */
  public IngressRoute route() {
    return state.route();
  }

  /** The mode a request arriving now gets. */
  public IngressMode mode() {
    return state.modeNow();
  }

  /** Requests being handled now. */
  public int inFlight() {
    return state.inFlight();
  }

  /** The demand recorder. */
  public DemandRecorder demand() {
    return demand;
  }

  /** Forwards new requests to {@code upstream} (mode PROXY). */
  public void proxyTo(InetSocketAddress upstream) {
    state.route(new IngressRoute(IngressMode.PROXY, upstream, null, null));
  }

  /**
   * Answers new requests 307 with {@code Location} = {@code base} + the request's path and query,
   * for {@code grace}; then, by {@link IngressConfig#redirectExpiry()}, 410 Gone or stop. The
   * 410 switch follows the injected clock (checked per request); the stop is scheduled on the
   * event loops, so it follows real time.
   *
   * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URL without query
   *     or {@code grace} is not positive
   */
  public void redirectTo(URI base, Duration grace) {
    if (grace.isNegative() || grace.isZero()) {
      throw new IllegalArgumentException("grace: must be positive, was " + grace);
    }
    IngressRoute next = new IngressRoute(IngressMode.REDIRECT, state.route().upstream(), base,
        state.clock().instant().plus(grace));
    state.route(next);
    if (config.redirectExpiry() == RedirectExpiry.STOP) {
      transport.group().schedule(() -> {
        if (state.route() == next) {
          stop();
        }
      }, grace.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Switches to DRAIN: requests in flight finish, new ones get 503 and their connection closed.
   * Completes when no request is in flight; the listener stays open (switch back with {@link
   * #proxyTo}, or {@link #stop()}).
   */
  public CompletableFuture<Void> drain() {
    IngressRoute now = state.route();
    state.route(new IngressRoute(IngressMode.DRAIN, now.upstream(), null, null));
    return state.idle();
  }

  /** Closes the listener, every client connection and the upstream pool. Idempotent. */
  public CompletableFuture<Void> stop() {
    if (!stopped.compareAndSet(false, true)) {
      return closed;
    }
    Channel ch = server;
    CompletableFuture<Void> serverClosed = new CompletableFuture<>();
    if (ch != null) {
      ch.close().addListener(f -> serverClosed.complete(null));
    } else {
      serverClosed.complete(null);
    }
    serverClosed
        .thenCompose(v -> {
          CompletableFuture<Void> c = new CompletableFuture<>();
          connections.close().addListener(f -> c.complete(null));
          return c;
        })
        .thenCompose(v -> upstream.close())
        .handle((v, e) -> transport.shutdown())
        .thenCompose(f -> f)
        .whenComplete((v, e) -> closed.complete(null));
    return closed;
  }

  /** {@link #stop()}, waiting up to 5 seconds. */
  @Override
  public void close() {
    try {
      stop().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // stopping is best effort; the event loops are daemon threads
    }
  }
}
