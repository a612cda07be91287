package dev.icon.node.ingress;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link IngressGateway}. Immutable; build with {@link #builder(InetSocketAddress)}.
 *
 * @param name names the gateway in metrics tags and logs
 * @param bind where to listen (port 0 picks a free port)
 * @param upstream the service the gateway forwards to at start
 * @param maxInitialLineBytes longest request line; longer is answered 414
 * @param maxHeaderBytes largest header block; larger is answered 431
 * @param maxRequestBodyBytes largest request body; larger is answered 413
 * @param maxResponseBodyBytes largest upstream response body; larger is answered 502
 * @param connectTimeout how long to wait for a connection to the upstream (then 504)
 * @param responseTimeout how long to wait for the upstream's whole response (then 504)
 * @param clientIdleTimeout a client connection with no traffic for this long is closed
 * @param upstreamIdleTimeout a pooled upstream connection idle for this long is closed
 * @param maxUpstreamConnections the most connections to one upstream at once, per I/O thread
 * @param maxPendingAcquires requests waiting for an upstream connection (per I/O thread) beyond
 *     which 503 answers
 * @param ioThreads I/O threads (0 = Netty's default, twice the cores)
 * @param preferNativeTransport use epoll when it loads (needed for the kernel's client RTT)
 * @param redirectExpiry what happens when a redirect's grace period ends
 */
public record IngressConfig(
    String name,
    InetSocketAddress bind,
    InetSocketAddress upstream,
    int maxInitialLineBytes,
    int maxHeaderBytes,
    int maxRequestBodyBytes,
    int maxResponseBodyBytes,
    Duration connectTimeout,
    Duration responseTimeout,
    Duration clientIdleTimeout,
    Duration upstreamIdleTimeout,
    int maxUpstreamConnections,
    int maxPendingAcquires,
    int ioThreads,
    boolean preferNativeTransport,
    RedirectExpiry redirectExpiry) {

  /** Checks the invariants, naming the field at fault. */
  public IngressConfig {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: must not be blank");
    }
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(redirectExpiry, "redirectExpiry");
    positive("maxInitialLineBytes", maxInitialLineBytes);
    positive("maxHeaderBytes", maxHeaderBytes);
    positive("maxRequestBodyBytes", maxRequestBodyBytes);
    positive("maxResponseBodyBytes", maxResponseBodyBytes);
    positive("connectTimeout", connectTimeout);
    positive("responseTimeout", responseTimeout);
    positive("clientIdleTimeout", clientIdleTimeout);
    positive("upstreamIdleTimeout", upstreamIdleTimeout);
    positive("maxUpstreamConnections", maxUpstreamConnections);
    positive("maxPendingAcquires", maxPendingAcquires);
    if (ioThreads < 0) {
      throw new IllegalArgumentException("ioThreads: must be 0 or more, was " + ioThreads);
    }
    if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("connectTimeout: too long, was " + connectTimeout);
    }
  }

  private static void positive(String field, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException(field + ": must be positive, was " + v);
    }
  }

  private static void positive(String field, Duration v) {
    Objects.requireNonNull(v, field);
    if (v.isNegative() || v.isZero()) {
      throw new IllegalArgumentException(field + ": must be positive, was " + v);
    }
  }

  /** A builder with the defaults, forwarding to {@code upstream}. */
  public static Builder builder(InetSocketAddress upstream) {
    return new Builder(upstream);
  }

  /** Builds {@link IngressConfig}; not thread-safe. */
  public static final class Builder {
    private final InetSocketAddress upstream;
    // One gateway per ICON is the common case.
    private String name = "ingress";
    // Loopback and a free port: nothing is exposed unless asked for.
    private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
    // Netty's own default: long enough for any sane URL.
    private int maxInitialLineBytes = 4096;
    // Twice Netty's default: room for cookies and tracing headers.
    private int maxHeaderBytes = 16 * 1024;
    // 1 MiB: the services behind an ICON take API calls, not uploads.
    private int maxRequestBodyBytes = 1 << 20;
    // 16 MiB: bounds memory per in-flight response.
    private int maxResponseBodyBytes = 16 << 20;
    // 2 s: a local service that does not accept within 2 s is down.
    private Duration connectTimeout = Duration.ofSeconds(2);
    // 30 s: the common default of reverse proxies.
    private Duration responseTimeout = Duration.ofSeconds(30);
    // 60 s: keeps keep-alive useful while idle clients do not pin sockets for ever.
    private Duration clientIdleTimeout = Duration.ofSeconds(60);
    // 20 s: below the 30 s idle cut of common servers, so a pooled connection is rarely stale.
    private Duration upstreamIdleTimeout = Duration.ofSeconds(20);
    // 256: far above what one small service answers at once.
    private int maxUpstreamConnections = 256;
    // 4096 waiting requests: beyond that the service is overloaded and 503 is honest.
    private int maxPendingAcquires = 4096;
    // Netty's default (2 x cores).
    private int ioThreads = 0;
    // Epoll when available: it gives the kernel's client RTT.
    private boolean preferNativeTransport = true;
    // 410 Gone: tells clients the old place is closed instead of refusing connections.
    private RedirectExpiry redirectExpiry = RedirectExpiry.GONE;

    private Builder(InetSocketAddress upstream) {
      this.upstream = upstream;
    }

    /** Name in metrics and logs (default "ingress"). */
    public Builder name(String v) {
      this.name = v;
      return this;
    }

    /** Listen address (default 127.0.0.1:0). */
    public Builder bind(InetSocketAddress v) {
      this.bind = v;
      return this;
    }

    /** Longest request line (default 4096). */
    public Builder maxInitialLineBytes(int v) {
      this.maxInitialLineBytes = v;
      return this;
    }

    /** Largest header block (default 16 KiB). */
    public Builder maxHeaderBytes(int v) {
      this.maxHeaderBytes = v;
      return this;
    }

    /** Largest request body (default 1 MiB). */
    public Builder maxRequestBodyBytes(int v) {
      this.maxRequestBodyBytes = v;
      return this;
    }

    /** Largest upstream response body (default 16 MiB). */
    public Builder maxResponseBodyBytes(int v) {
      this.maxResponseBodyBytes = v;
      return this;
    }

    /** Upstream connect timeout (default 2 s). */
    public Builder connectTimeout(Duration v) {
      this.connectTimeout = v;
      return this;
    }

    /** Upstream response timeout (default 30 s). */
    public Builder responseTimeout(Duration v) {
      this.responseTimeout = v;
      return this;
    }

    /** Client idle timeout (default 60 s). */
    public Builder clientIdleTimeout(Duration v) {
      this.clientIdleTimeout = v;
      return this;
    }

    /** Pooled upstream connection idle timeout (default 20 s). */
    public Builder upstreamIdleTimeout(Duration v) {
      this.upstreamIdleTimeout = v;
      return this;
    }

    /** Most connections per upstream (default 256). */
    public Builder maxUpstreamConnections(int v) {
      this.maxUpstreamConnections = v;
      return this;
    }

    /** Most requests waiting for an upstream connection (default 4096). */
    public Builder maxPendingAcquires(int v) {
      this.maxPendingAcquires = v;
      return this;
    }

    /** I/O threads (default 0 = Netty's default). */
    public Builder ioThreads(int v) {
      this.ioThreads = v;
      return this;
    }

    /** Prefer epoll (default true). */
    public Builder preferNativeTransport(boolean v) {
      this.preferNativeTransport = v;
      return this;
    }

    /** What ends a redirect's grace period (default GONE). */
    public Builder redirectExpiry(RedirectExpiry v) {
      this.redirectExpiry = v;
      return this;
    }

    /** The config; throws {@link IllegalArgumentException} naming the field at fault. */
    public IngressConfig build() {
      return new IngressConfig(name, bind, upstream, maxInitialLineBytes, maxHeaderBytes,
          maxRequestBodyBytes, maxResponseBodyBytes, connectTimeout, responseTimeout,
          clientIdleTimeout, upstreamIdleTimeout, maxUpstreamConnections, maxPendingAcquires,
          ioThreads, preferNativeTransport, redirectExpiry);
    }
  }
}
