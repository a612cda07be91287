package dev.icon.overlay.api;

/** Who opened a connection or stream. */
public enum Direction {
  /** The remote opened it. */
  INBOUND,
  /** This host opened it. */
  OUTBOUND
}
