/**
 * The ICON tree on {@code /icon/tree/1.0.0}: {@link dev.icon.node.tree.TreeCodec} (signed frames),
 * {@link dev.icon.node.tree.TreeMembership} (the state machine on an injected clock: join,
 * heartbeats, re-attach to the nearest living ancestor, orphan) and {@link
 * dev.icon.node.tree.TreeController} (the binding on a host). See icon-node/README.md, "Tree".
 */
package dev.icon.node.tree;
