package dev.icon.tomography.probe;

import java.net.InetAddress;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The seam to the network for direct RTT measurements: sends {@code count} probes to one address
 * and reports the replies. {@link PingProber} runs the system ping; tests substitute their own.
 *
 * <p>Implementations are thread-safe and return at once; the future completes on the prober's own
 * threads, exceptionally with a {@link ProbeException} when the probe could not be made (a target
 * that simply does not answer is a measurement with no samples, not a failure). Cancelling the
 * future stops the probe.
 */
public interface Prober extends AutoCloseable {

  /** Probes {@code target} {@code count} times (count >= 1). */
  CompletableFuture<ProbeMeasurement> probe(InetAddress target, int count);

  /**
   * The one destination port this prober probes, for methods that have ports (TCP connect);
   * empty for ICMP. A request naming another port is refused, so a prober is never a port scanner.
   */
  default OptionalInt port() {
    return OptionalInt.empty();
  }

  /** Stops every probe in progress (their futures fail with CANCELLED); idempotent. */
  @Override
  void close();
}
