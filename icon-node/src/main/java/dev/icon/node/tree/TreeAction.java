package dev.icon.node.tree;

import java.util.List;

/**
 * Something {@link TreeMembership} wants done on the network or told to the owner. Immutable.
 *
 * @param type what to do
 * @param target the peer concerned (null for STOP_SPENDING)
 * @param chain for JOIN, the ancestor chain to claim, starting with {@code target}
 * @param reason for logs and events
 */
public record TreeAction(Type type, TreeMember target, List<TreeMember> chain, String reason) {

  /** The kinds of action. */
  public enum Type {
    /** Send a heartbeat to the parent. */
    SEND_HEARTBEAT,
    /** Join {@code target} (re-attach to an ancestor) claiming {@code chain}. */
    JOIN,
    /** No living ancestor: stop all spending (lifecycle TERMINATING, actuator told). */
    STOP_SPENDING,
    /** A child fell silent for too long and was dropped. */
    CHILD_LOST
  }

  /** Copies the chain. */
  public TreeAction {
    chain = List.copyOf(chain);
  }
}
