package dev.icon.tomography.probe;

import com.google.protobuf.ByteString;
import dev.icon.proto.icon.probe.ProbeResult;
import dev.icon.proto.icon.probe.ProbeStatus;
import dev.icon.tomography.map.RttStats;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversions between {@code probe.proto} messages and {@link ProbeOutcome}s, validating what
 * comes off the wire. Stateless and thread-safe.
 */
public final class ProbeMessages {

  private ProbeMessages() {}

  /** A target on the wire: 4 or 16 bytes. */
  public static ByteString target(InetAddress address) {
    return ByteString.copyFrom(address.getAddress());
  }

  /**
   * The address {@code bytes} spell.
   *
   * @throws ProbeException INVALID_TARGET unless there are exactly 4 or 16 bytes
   */
  public static InetAddress target(ByteString bytes) {
    if (bytes.size() != 4 && bytes.size() != 16) {
      throw new ProbeException(ProbeError.INVALID_TARGET,
          "a target is 4 or 16 bytes, got " + bytes.size());
    }
    try {
      return InetAddress.getByAddress(bytes.toByteArray());
    } catch (UnknownHostException e) {
      throw new ProbeException(ProbeError.INVALID_TARGET, e.getMessage());
    }
  }

  /** The wire form of {@code outcome}, answering for {@code asked} (the target bytes as asked). */
  public static ProbeResult result(ByteString asked, ProbeOutcome outcome) {
    ProbeResult.Builder b = ProbeResult.newBuilder().setTarget(asked)
        .setStatus(outcome.status()).setReason(outcome.reason());
    outcome.measurement().ifPresent(m -> {
      b.setSent(m.sent()).setReceived(m.received());
      m.samplesMillis().forEach(s -> b.addSamplesMicros(micros(s)));
      m.stats().ifPresent(st -> b.setMinMicros(micros(st.minMillis()))
          .setMeanMicros(micros(st.meanMillis())).setMaxMicros(micros(st.maxMillis())));
    });
    return b.build();
  }

  /**
   * The outcome {@code result} reports for {@code expected}.
   *
   * @throws ProbeException MALFORMED_FRAME when it names another target or its counts disagree
   */
  public static ProbeOutcome outcome(InetAddress expected, ProbeResult result) {
    InetAddress target = target(result.getTarget());
    if (!target.equals(expected)) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME, "a result for "
          + target.getHostAddress() + " where " + expected.getHostAddress() + " was asked");
    }
    ProbeStatus status = result.getStatus();
    if (status == ProbeStatus.OK || status == ProbeStatus.NO_REPLY) {
      if (result.getSamplesMicrosCount() != result.getReceived()
          || result.getReceived() > result.getSent()
          || (status == ProbeStatus.OK) != (result.getReceived() > 0)) {
        throw new ProbeException(ProbeError.MALFORMED_FRAME, "result for "
            + target.getHostAddress() + ": status " + status + ", " + result.getSent() + " sent, "
            + result.getReceived() + " received, " + result.getSamplesMicrosCount() + " samples");
      }
      List<Double> samples = new ArrayList<>();
      for (long us : result.getSamplesMicrosList()) {
        if (us < 0 || us > 3_600_000_000L) {
          throw new ProbeException(ProbeError.MALFORMED_FRAME, "sample of " + us + " us");
        }
        samples.add(us / 1000.0);
      }
      return ProbeOutcome.measured(new ProbeMeasurement(target, result.getSent(), samples));
    }
    if (status == ProbeStatus.PROBE_STATUS_UNSPECIFIED || status == ProbeStatus.UNRECOGNIZED) {
      throw new ProbeException(ProbeError.MALFORMED_FRAME,
          "result for " + target.getHostAddress() + " has no known status");
    }
    return ProbeOutcome.refused(target, status, abbreviate(result.getReason()));
  }

  /** Statistics of an outcome's replies, if any. */
  public static Optional<RttStats> stats(ProbeOutcome outcome) {
    return outcome.measurement().flatMap(ProbeMeasurement::stats);
  }

  private static long micros(double millis) {
    return Math.round(millis * 1000);
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 297) + "...";
  }
}
