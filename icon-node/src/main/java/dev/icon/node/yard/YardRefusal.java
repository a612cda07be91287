package dev.icon.node.yard;

/** Why the yard refused a deploy or a start; carried by {@link YardException}. */
public enum YardRefusal {
  /** No stored agreement of that id, or it does not verify (bad signature, malformed). */
  NO_AGREEMENT,
  /** The agreement's period does not cover now (not begun yet, or ended). */
  EXPIRED,
  /** The agreement names another provider, or the sender is not its consumer. */
  NOT_FOR_US,
  /** The workload's limits do not fit the remaining capacity (or the artifact its allowance). */
  OVER_CAPACITY,
  /** No received image for the agreement. */
  IMAGE_MISSING,
  /** The runtime failed to import or start it, or it never became healthy; rolled back. */
  START_FAILED,
  /** A workload already runs under this agreement (one per agreement). */
  ALREADY_RUNNING
}
