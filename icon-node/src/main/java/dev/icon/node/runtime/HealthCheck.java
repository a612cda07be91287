package dev.icon.node.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a runtime decides a workload serves: an HTTP GET of {@code path} answered 2xx/3xx, or a TCP
 * connect to the service port; probed every {@code interval}, each probe bounded by
 * {@code timeout}, at most {@code retries} probes before the workload counts as unhealthy.
 *
 * @param kind HTTP or TCP
 * @param path the HTTP path (starts with '/'); null for TCP
 * @param interval time between probes
 * @param timeout bound of one probe
 * @param retries probes before giving up, at least 1
 */
public record HealthCheck(Kind kind, String path, Duration interval, Duration timeout, int retries) {

  /** The probe. */
  public enum Kind { HTTP, TCP }

  /** Default time between probes: short, as a small service starts in well under a second. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
  /** Default bound of one probe: loopback answers in microseconds; a busy machine needs slack. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  /** Default probes: 50 x 200 ms gives a slow start about 10 s. */
  public static final int DEFAULT_RETRIES = 50;

  public HealthCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (kind == Kind.HTTP && (path == null || !path.startsWith("/"))) {
      throw new IllegalArgumentException("path: an HTTP check needs a path starting with '/', got " + path);
    }
    if (kind == Kind.TCP && path != null) {
      throw new IllegalArgumentException("path: a TCP check has no path");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: must be positive, got " + interval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
    }
    if (retries < 1) {
      throw new IllegalArgumentException("retries: must be at least 1, got " + retries);
    }
  }

  /** An HTTP GET of {@code path} with the default interval, timeout and retries. */
  public static HealthCheck http(String path) {
    return new HealthCheck(Kind.HTTP, path, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
  }

  /** A TCP connect with the default interval, timeout and retries. */
  public static HealthCheck tcp() {
    return new HealthCheck(Kind.TCP, null, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
  }
}
