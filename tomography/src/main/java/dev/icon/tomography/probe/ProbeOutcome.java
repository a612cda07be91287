package dev.icon.tomography.probe;

import dev.icon.proto.icon.probe.ProbeStatus;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What a measuring peer answered for one target.
 *
 * @param target the target asked about
 * @param status measured ({@link ProbeStatus#OK}), no reply, refused (and by which limit), or
 *     failed
 * @param measurement the probes sent and replies received; present for OK and NO_REPLY
 * @param reason why it was refused or failed (empty otherwise)
 */
public record ProbeOutcome(InetAddress target, ProbeStatus status,
    Optional<ProbeMeasurement> measurement, String reason) {

  public ProbeOutcome {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(reason, "reason");
  }

  /** A measured target (OK when some reply came back, NO_REPLY otherwise). */
  public static ProbeOutcome measured(ProbeMeasurement m) {
    return new ProbeOutcome(m.target(), m.received() > 0 ? ProbeStatus.OK : ProbeStatus.NO_REPLY,
        Optional.of(m), "");
  }

  /** A target not measured, with the status and reason why. */
  public static ProbeOutcome refused(InetAddress target, ProbeStatus status, String reason) {
    return new ProbeOutcome(target, status, Optional.empty(), reason);
  }

  /** Whether the target was measured with at least one reply. */
  public boolean ok() {
    return status == ProbeStatus.OK;
  }
}
