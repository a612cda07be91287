package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import java.util.List;
import java.util.Objects;

/**
 * A peer as a kad {@code Message.Peer} describes it: its id and binary multiaddrs (unparsed, as
 * received; the binding parses and filters them). Immutable.
 */
public record KadPeer(PeerId id, List<ByteString> addrs) {

  /** Copies {@code addrs}. */
  public KadPeer {
    Objects.requireNonNull(id, "id");
    addrs = List.copyOf(addrs);
  }

  /** A peer with no known addresses. */
  public static KadPeer of(PeerId id) {
    return new KadPeer(id, List.of());
  }
}
