package dev.icon.node.tree;

import dev.icon.overlay.identity.PeerId;

/**
 * What the tree tells its owner (the ICON runtime wires these to its {@link
 * dev.icon.node.decide.DecisionLoop} and {@link dev.icon.node.decide.Budget}). Called from the
 * controller's scheduler thread or a Netty event loop: return quickly, never block. Default
 * methods do nothing.
 */
public interface TreeListener {

  /** Our parent changed (re-attached to {@code parent}). */
  default void parentChanged(TreeMember parent) {}

  /** No ancestor is alive: stop all spending now. */
  default void orphaned(String reason) {}

  /** The parent's verified budget grant for us arrived. */
  default void granted(long micros) {}

  /** A child joined (or re-attached to us). */
  default void childJoined(PeerId child) {}

  /** A child left and {@code returnedMicros} of its budget come back to us. */
  default void childLeft(PeerId child, long returnedMicros) {}

  /** A child fell silent and was dropped. */
  default void childLost(PeerId child) {}

  /** A request was refused (forged, stale, wrong chain...); counted by the controller too. */
  default void refused(PeerId from, TreeException e) {}
}
