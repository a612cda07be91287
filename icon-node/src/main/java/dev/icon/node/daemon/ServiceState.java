package dev.icon.node.daemon;

/** Where a {@link NodeService} is in its life, as {@code /status} shows it. */
public enum ServiceState {
  /** Registered, not started yet. */
  NEW,
  /** {@link NodeService#start} is running. */
  STARTING,
  /** Started. */
  RUNNING,
  /** {@link NodeService#stop} is running. */
  STOPPING,
  /** Stopped. */
  STOPPED,
  /** Start or stop threw; the node stopped it (or went on stopping the rest). */
  FAILED
}
