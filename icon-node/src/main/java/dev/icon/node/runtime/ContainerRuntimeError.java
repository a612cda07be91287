package dev.icon.node.runtime;

/** Why a {@link ContainerRuntime} operation failed; carried by {@link ContainerRuntimeException}. */
public enum ContainerRuntimeError {
  /** The engine (Docker daemon) did not answer or refused the connection. */
  ENGINE_UNAVAILABLE,
  /** The image tar could not be imported (not a tar, truncated, rejected by the engine). */
  IMAGE_IMPORT_FAILED,
  /** The workload could not be created or started; nothing of it is left behind. */
  START_FAILED,
  /** No workload or image of that id or reference is known to this runtime. */
  NOT_FOUND,
  /** The image is still used by a workload of this runtime and was kept. */
  IMAGE_IN_USE,
  /** The spec cannot run on this runtime (e.g. no command for the process runtime). */
  INVALID_SPEC,
  /** Writing the state or file-system archive of a workload failed. */
  EXPORT_FAILED,
  /** A state archive could not be restored into a new workload; nothing of it is left behind. */
  RESTORE_FAILED,
  /** Stopping or removing a workload failed. */
  STOP_FAILED,
  /** The runtime was closed. */
  CLOSED
}
