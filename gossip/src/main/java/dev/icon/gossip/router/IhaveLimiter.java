package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-heartbeat IHAVE flood limits (gossipsub v1.1 spam protection): from each peer at most
 * {@code maxIhaveMessages} IHAVE messages are considered, and at most {@code maxIhaveLength} message
 * ids are requested back with IWANT. Further IHAVEs within the same heartbeat are ignored.
 * {@link #reset()} at each heartbeat restores every peer's budget.
 *
 * <p>Not thread-safe: owned by the router's event loop.
 *
 * @param <P> peer key type (e.g. {@code PeerId})
 */
public final class IhaveLimiter<P> {

  private final int maxIhaveMessages;
  private final int maxIhaveLength;
  private final Map<P, int[]> counts = new HashMap<>(); // [ihave messages, ids asked]

  /**
   * @param maxIhaveMessages IHAVE messages considered per peer per heartbeat, at least 1
   * @param maxIhaveLength ids requested per peer per heartbeat, at least 1
   */
  public IhaveLimiter(int maxIhaveMessages, int maxIhaveLength) {
    if (maxIhaveMessages < 1 || maxIhaveLength < 1) {
      throw new IllegalArgumentException("limits must be >= 1: " + maxIhaveMessages + ", " + maxIhaveLength);
    }
    this.maxIhaveMessages = maxIhaveMessages;
    this.maxIhaveLength = maxIhaveLength;
  }

  /** A limiter with {@code config}'s maxIhaveMessages and maxIhaveLength. */
  public static <P> IhaveLimiter<P> create(GossipConfig config) {
    return new IhaveLimiter<>(config.maxIhaveMessages(), config.maxIhaveLength());
  }

  /**
   * Counts one IHAVE message from {@code peer}.
   *
   * @return whether to consider it: false past maxIhaveMessages this heartbeat, or when the peer's
   *     IWANT budget is already spent
   */
  public boolean acceptIhave(P peer) {
    int[] c = counts.computeIfAbsent(Objects.requireNonNull(peer, "peer"), k -> new int[2]);
    c[0]++;
    return c[0] <= maxIhaveMessages && c[1] < maxIhaveLength;
  }

  /**
   * Of the ids we want from {@code peer} (not seen yet), the leading ones that fit the remaining
   * IWANT budget, which they consume. The router shuffles {@code wanted} first if it wants a random
   * subset, as go and js do.
   */
  public List<MessageId> allowIwant(P peer, List<MessageId> wanted) {
    int[] c = counts.computeIfAbsent(Objects.requireNonNull(peer, "peer"), k -> new int[2]);
    int n = Math.max(0, Math.min(wanted.size(), maxIhaveLength - c[1]));
    c[1] += n;
    return List.copyOf(wanted.subList(0, n));
  }

  /** Ids requested from {@code peer} in the current heartbeat. */
  public int asked(P peer) {
    int[] c = counts.get(peer);
    return c == null ? 0 : c[1];
  }

  /** Heartbeat step: restores every peer's budget. */
  public void reset() {
    counts.clear();
  }

  /** Forgets a disconnected peer. */
  public void removePeer(P peer) {
    counts.remove(peer);
  }
}
