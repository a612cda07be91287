package dev.icon.overlay.kad;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.proto.libp2p.kad.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * The findPeer side of a FIND_NODE lookup for a peer id: stops the lookup as soon as the target
 * answers or a response names it with at least one address. The hop count is the target's depth
 * in the {@link LookupResult} ({@code result.find(target)}).
 *
 * <p>Thread-safe (synchronized); read the result after the lookup ended.
 */
public final class PeerFinder implements LookupHandler {

  private final PeerId target;
  private final ByteString targetBytes;
  private KadPeer found;

  /** Looks for {@code target}. */
  public PeerFinder(PeerId target) {
    this.target = Objects.requireNonNull(target, "target");
    this.targetBytes = ByteString.copyFrom(target.toBytes());
  }

  @Override
  public synchronized boolean onResponse(PeerId from, Message response) {
    if (from.equals(target)) {
      found = found != null ? found : KadPeer.of(target);
      return true;
    }
    for (Message.Peer p : response.getCloserPeersList()) {
      if (p.getId().equals(targetBytes) && p.getAddrsCount() > 0) {
        found = new KadPeer(target, p.getAddrsList());
        return true;
      }
    }
    return false;
  }

  /**
   * The target with the addresses it was named with, if found; without addresses when the target
   * itself answered (we reached it: take them from {@code LookupResult.find} or the connection).
   */
  public synchronized Optional<KadPeer> found() {
    return Optional.ofNullable(found);
  }
}
