package dev.icon.tomography.traceroute;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One probe of one hop: who answered, after how long, with which mark; or no answer ({@code *}).
 *
 * @param address the address that answered, or null when the probe timed out
 * @param hostName the name traceroute printed for it (only without {@code -n}), or null
 * @param rttMillis the round-trip time in milliseconds, or NaN when the probe timed out
 * @param mark the ICMP error mark printed after the time ({@link ProbeMark#NONE} if none)
 * @param markText the mark exactly as printed ({@code "!F-1500"}, {@code "!<10>"}), or "" if none
 */
public record TracerouteProbe(
    InetAddress address, String hostName, double rttMillis, ProbeMark mark, String markText) {

  public TracerouteProbe {
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(markText, "markText");
    if (address == null && !Double.isNaN(rttMillis)) {
      throw new IllegalArgumentException("a probe without an address has no round-trip time");
    }
  }

  /** A probe that got no answer within the wait time ({@code *}). */
  public static TracerouteProbe timedOut() {
    return new TracerouteProbe(null, null, Double.NaN, ProbeMark.NONE, "");
  }

  /** An answered probe without a mark. */
  public static TracerouteProbe answered(InetAddress address, double rttMillis) {
    return new TracerouteProbe(address, null, rttMillis, ProbeMark.NONE, "");
  }

  /** Whether an answer came back. */
  public boolean isAnswered() {
    return address != null;
  }

  /** The address that answered, if any. */
  public Optional<InetAddress> answeredBy() {
    return Optional.ofNullable(address);
  }
}
