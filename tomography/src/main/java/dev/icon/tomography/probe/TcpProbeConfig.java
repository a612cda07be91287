package dev.icon.tomography.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TcpConnectProber} probes. Immutable; validation names the field at fault.
 *
 * @param port the one destination port probed (the service port clients use; 1..65535)
 * @param connectTimeout how long one handshake may take before it counts as lost
 * @param interval the pause between two probes of one target
 * @param parallelism how many targets are probed at once; further probes queue
 * @param maxCount the most probes one call may ask for
 */
public record TcpProbeConfig(int port, Duration connectTimeout, Duration interval,
    int parallelism, int maxCount) {

  public TcpProbeConfig {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(interval, "interval");
    check(port >= 1 && port <= 65535, "port", "must be 1..65535, was " + port);
    check(connectTimeout.toMillis() >= 1, "connectTimeout", "must be at least 1 ms");
    check(!interval.isNegative(), "interval", "must not be negative");
    check(parallelism >= 1 && parallelism <= 256, "parallelism", "must be 1..256, was " + parallelism);
    check(maxCount >= 1 && maxCount <= 1000, "maxCount", "must be 1..1000, was " + maxCount);
  }

  /**
   * Probes of {@code port}: 2 s per handshake (as ping's reply wait), 200 ms apart (as ping), 4
   * targets at once, at most 20 probes per call.
   */
  public static TcpProbeConfig of(int port) {
    return new TcpProbeConfig(port, Duration.ofSeconds(2), Duration.ofMillis(200), 4, 20);
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("TcpProbeConfig." + field + " " + message);
    }
  }
}
