package dev.icon.tomography.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Prober} timing TCP handshakes to one configured port: each probe is a connect, closed
 * at once. A handshake answered by SYN-ACK or by RST (connection refused) is a reply, its time the
 * RTT; a handshake not answered within {@link TcpProbeConfig#connectTimeout()}, or answered by an
 * ICMP host-unreachable, is lost; any other error (no local route) fails the probe with
 * PROCESS_FAILED. Runs in the JVM's own network namespace (no command prefix).
 *
 * <p>Thread-safe. Each probe blocks one of the prober's threads; futures complete there. A
 * cancelled future stops before its next handshake; {@link #close()} stops all.
 */
public final class TcpConnectProber implements Prober {

  private static final AtomicInteger IDS = new AtomicInteger();

  private final TcpProbeConfig config;
  private final ExecutorService threads;
  private final Set<CompletableFuture<ProbeMeasurement>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** A prober with {@code config}'s port and timings. */
  public TcpConnectProber(TcpProbeConfig config) {
    this.config = config;
    int id = IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(config.parallelism(), r -> {
      Thread t = new Thread(r, "tcp-probe-" + id + "-" + threadIds.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public OptionalInt port() {
    return OptionalInt.of(config.port());
  }

  @Override
  public CompletableFuture<ProbeMeasurement> probe(InetAddress target, int count) {
    CompletableFuture<ProbeMeasurement> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "the prober is closed"));
      return future;
    }
    if (count < 1 || count > config.maxCount()) {
      future.completeExceptionally(new ProbeException(ProbeError.INVALID_TARGET,
          "count must be 1.." + config.maxCount() + ", was " + count));
      return future;
    }
    pending.add(future);
    future.whenComplete((m, e) -> pending.remove(future));
    try {
      threads.execute(() -> run(target, count, future));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "the prober is closed"));
    }
    return future;
  }

  private void run(InetAddress target, int count, CompletableFuture<ProbeMeasurement> future) {
    List<Double> samples = new ArrayList<>();
    InetSocketAddress address = new InetSocketAddress(target, config.port());
    try {
      for (int i = 0; i < count; i++) {
        if (future.isDone() || closed) {
          future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "stopped"));
          return;
        }
        if (i > 0 && !config.interval().isZero()) {
          Thread.sleep(config.interval().toMillis()); // pacing of real probes
        }
        handshake(address).ifPresent(samples::add);
      }
      future.complete(new ProbeMeasurement(target, count, samples));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.completeExceptionally(new ProbeException(ProbeError.CANCELLED, "interrupted"));
    } catch (IOException e) {
      future.completeExceptionally(new ProbeException(ProbeError.PROCESS_FAILED,
          "TCP connect to " + target.getHostAddress() + ":" + config.port() + " failed: "
              + e.getMessage(), e));
    }
  }

  /** The handshake's time in milliseconds, or empty when it was lost. */
  private Optional<Double> handshake(InetSocketAddress address) throws IOException {
    long start = System.nanoTime();
    try (Socket s = new Socket()) {
      s.setSoLinger(true, 0);
      s.connect(address, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
      return Optional.of((System.nanoTime() - start) / 1e6);
    } catch (ConnectException e) {
      if (String.valueOf(e.getMessage()).contains("refused")) {
        return Optional.of((System.nanoTime() - start) / 1e6);
      }
      throw e;
    } catch (SocketTimeoutException | NoRouteToHostException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (CompletableFuture<ProbeMeasurement> f : List.copyOf(pending)) {
      f.completeExceptionally(
          new ProbeException(ProbeError.CANCELLED, "the prober was closed during the probe"));
    }
    threads.shutdownNow();
  }
}
