package dev.icon.node.runtime;

/** Where a workload is in its life, as its runtime sees it. */
public enum WorkloadState {
  /** Created (e.g. state being restored) but not started. */
  CREATED,
  /** Its process runs. */
  RUNNING,
  /** Its process ended (stopped, crashed or killed); {@link WorkloadStatus#exitCode()} says how. */
  EXITED
}
