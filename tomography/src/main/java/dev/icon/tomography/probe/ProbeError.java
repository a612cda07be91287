package dev.icon.tomography.probe;

/** Why a probe or a probe exchange failed. */
public enum ProbeError {
  /** The prober's executable (ping) is not installed or not executable. */
  BINARY_MISSING,
  /** The probe process could not be started or exited with an error (e.g. no route). */
  PROCESS_FAILED,
  /** The prober's output did not have the expected form. */
  UNPARSEABLE_OUTPUT,
  /** A probe or an exchange took longer than allowed. */
  TIMEOUT,
  /** The prober was closed or the probe cancelled. */
  CANCELLED,
  /** The target is not a literal IP address a probe may be sent to. */
  INVALID_TARGET,
  /** A frame was malformed, too large, or answered another request. */
  MALFORMED_FRAME,
  /** The remote peer refused the request as a whole. */
  REFUSED
}
