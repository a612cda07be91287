package dev.icon.tomography.traceroute;

/** Why a traceroute run failed. */
public enum TracerouteError {
  /** The configured traceroute executable does not exist or is not executable. */
  BINARY_MISSING,
  /** A target that is not an IP literal or host name (for example one starting with '-'). */
  INVALID_TARGET,
  /** The process could not be started or exited with a non-zero status. */
  PROCESS_FAILED,
  /** The process ran longer than the configured run timeout and was killed. */
  TIMEOUT,
  /** The output did not have the form {@code traceroute -n} prints. */
  UNPARSEABLE_OUTPUT,
  /** The run was cancelled or the runner closed before it finished. */
  CANCELLED
}
