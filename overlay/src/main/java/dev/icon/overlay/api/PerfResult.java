package dev.icon.overlay.api;

import java.time.Duration;

/**
 * One perf measurement. Immutable.
 *
 * @param uploadBytes bytes sent to the server
 * @param downloadBytes bytes received from the server
 * @param uploadTime from the first byte sent until the server began to answer (it answers only
 *     after reading the whole upload), or until end of stream when nothing is downloaded
 * @param totalTime from the first byte sent to the last byte received
 */
public record PerfResult(long uploadBytes, long downloadBytes, Duration uploadTime, Duration totalTime) {

  /** Upload throughput in bits per second. */
  public double uploadBitsPerSecond() {
    return bitsPerSecond(uploadBytes, uploadTime);
  }

  /** Download throughput in bits per second (time after the upload finished). */
  public double downloadBitsPerSecond() {
    return bitsPerSecond(downloadBytes, totalTime.minus(uploadTime));
  }

  private static double bitsPerSecond(long bytes, Duration d) {
    double seconds = Math.max(d.toNanos(), 1) / 1e9;
    return bytes * 8 / seconds;
  }
}
