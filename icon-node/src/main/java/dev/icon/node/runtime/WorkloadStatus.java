package dev.icon.node.runtime;

import java.util.Objects;

/**
 * A workload's state at one moment.
 *
 * @param state created, running or exited
 * @param exitCode the exit code once {@link WorkloadState#EXITED}, else null
 */
public record WorkloadStatus(WorkloadState state, Integer exitCode) {
  public WorkloadStatus {
    Objects.requireNonNull(state, "state");
  }
}
