package dev.icon.gossip.router;

import dev.icon.gossip.api.MessageId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * IWANT promise tracking for the P7 behaviour penalty (gossipsub v1.1 spam protection). When an
 * IHAVE from a peer makes us send IWANT, we track one randomly chosen id of that request as the
 * peer's promise, due within {@code iwantFollowupTime}. Delivery of the message by any peer fulfils
 * every promise for it; at heartbeat, {@link #collectBroken()} counts, per peer, the promises whose
 * deadline passed and forgets them.
 *
 * <p>Router policy (as go-libp2p-pubsub does): call {@link #fulfil} when a message is first
 * delivered, and also when it is rejected by validation (the P4 penalty covers that), except when it
 * is rejected for a missing or invalid signature, which leaves the promise to break.
 *
 * <p>Not thread-safe: owned by the router's event loop. Time comes from the injected monotonic
 * nanosecond clock, the choice of tracked id from the injected random generator.
 *
 * @param <P> peer key type (e.g. {@code PeerId})
 */
public final class PeerGossipPromises<P> {

  private final long followupNanos;
  private final LongSupplier nanoClock;
  private final RandomGenerator random;
  // message id -> (peer -> deadline in clock nanos)
  private final Map<MessageId, Map<P, Long>> promises = new HashMap<>();

  /**
   * @param followupTime time a peer has to deliver a promised message, positive
   * @param nanoClock monotonic clock in nanoseconds
   * @param random picks which id of an IWANT is tracked
   */
  public PeerGossipPromises(Duration followupTime, LongSupplier nanoClock, RandomGenerator random) {
    if (followupTime.isNegative() || followupTime.isZero()) {
      throw new IllegalArgumentException("followupTime must be positive: " + followupTime);
    }
    this.followupNanos = followupTime.toNanos();
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Promises with {@code config}'s iwantFollowupTime. */
  public static <P> PeerGossipPromises<P> create(GossipConfig config, LongSupplier nanoClock, RandomGenerator random) {
    return new PeerGossipPromises<>(config.iwantFollowupTime(), nanoClock, random);
  }

  /**
   * Records that {@code peer} promised the ids of an IWANT we sent it: tracks one of them, chosen at
   * random, due followupTime from now. An existing promise from the same peer for the chosen id
   * keeps its earlier deadline.
   *
   * @return the tracked id, or null if {@code ids} is empty
   */
  public MessageId promise(P peer, List<MessageId> ids) {
    Objects.requireNonNull(peer, "peer");
    if (ids.isEmpty()) {
      return null;
    }
    MessageId chosen = ids.get(random.nextInt(ids.size()));
    promises.computeIfAbsent(chosen, k -> new LinkedHashMap<>(2))
        .putIfAbsent(peer, nanoClock.getAsLong() + followupNanos);
    return chosen;
  }

  /**
   * The message arrived (or was rejected by validation): every promise for it is kept.
   *
   * @return how many peers' promises it fulfilled
   */
  public int fulfil(MessageId id) {
    Map<P, Long> removed = promises.remove(id);
    return removed == null ? 0 : removed.size();
  }

  /**
   * Heartbeat step: removes the promises whose deadline has passed and returns, per peer, how many
   * it broke (each broken promise counts once). The router adds these to the peers' P7 counters.
   */
  public Map<P, Integer> collectBroken() {
    long now = nanoClock.getAsLong();
    Map<P, Integer> broken = new HashMap<>();
    Iterator<Map<P, Long>> byId = promises.values().iterator();
    while (byId.hasNext()) {
      Map<P, Long> peers = byId.next();
      Iterator<Map.Entry<P, Long>> it = peers.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<P, Long> e = it.next();
        if (now - e.getValue() > 0) {
          broken.merge(e.getKey(), 1, Integer::sum);
          it.remove();
        }
      }
      if (peers.isEmpty()) {
        byId.remove();
      }
    }
    return broken;
  }

  /** Whether {@code peer} has an outstanding promise for {@code id}. */
  public boolean isPromised(P peer, MessageId id) {
    Map<P, Long> peers = promises.get(id);
    return peers != null && peers.containsKey(peer);
  }

  /** Number of message ids with outstanding promises. */
  public int size() {
    return promises.size();
  }
}
