package dev.icon.node.deploy;

import dev.icon.overlay.identity.PeerId;

/**
 * The receiver's seam to the agreements: whether {@code peer} may send an artifact under an
 * agreement, and how many bytes. The provider yard plugs its agreement book in here; tests use
 * lambdas. Threading: called on a stream's event loop, from several at once; must be quick and
 * must not block.
 */
@FunctionalInterface
public interface AdmissionCheck {

  /** The verdict on an offer of {@code size} bytes of {@code kind} under {@code agreementId}. */
  Admission check(PeerId peer, String agreementId, DeployKind kind, long size);

  /** Admits every agreement up to {@code maxBytes} (for tests and trusted set-ups). */
  static AdmissionCheck allowAll(long maxBytes) {
    return (peer, agreement, kind, size) -> Admission.allow(maxBytes);
  }

  /**
   * An admission verdict.
   *
   * @param admitted whether the agreement is valid for this peer and kind
   * @param maxBytes the most bytes the artifact may have (when admitted)
   * @param reason why not (when refused)
   */
  record Admission(boolean admitted, long maxBytes, String reason) {

    /** Admitted, up to {@code maxBytes}. */
    public static Admission allow(long maxBytes) {
      return new Admission(true, maxBytes, "");
    }

    /** Refused for {@code reason}. */
    public static Admission deny(String reason) {
      return new Admission(false, 0, reason);
    }
  }
}
