package dev.icon.node.tree;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.List;
import java.util.Objects;

/**
 * One ICON of a tree: its peer id and where it listens (so a child can reach an ancestor it never
 * talked to). Immutable.
 */
public record TreeMember(PeerId peerId, List<Multiaddr> addrs) {

  /** Copies the address list. */
  public TreeMember {
    Objects.requireNonNull(peerId, "peerId");
    addrs = List.copyOf(addrs);
  }
}
