/**
 * The gossipsub router's state, as small pure pieces the router composes; none does I/O or touches
 * Netty, and each takes time (a monotonic nanosecond {@code LongSupplier}) and randomness
 * ({@code RandomGenerator}) as parameters so tests drive them deterministically.
 *
 * <ul>
 *   <li>{@link dev.icon.gossip.router.GossipConfig}: every parameter, the spec's defaults, invariant checks.
 *   <li>{@link dev.icon.gossip.router.MessageCache}: mcache windows for IWANT and IHAVE, retransmission limit.
 *   <li>{@link dev.icon.gossip.router.SeenCache}: duplicate suppression with TTL and a size bound.
 *   <li>{@link dev.icon.gossip.router.BackoffTracker}: per (peer, topic) GRAFT backoff.
 *   <li>{@link dev.icon.gossip.router.FanoutState}: fanout peers of topics we publish to only.
 *   <li>{@link dev.icon.gossip.router.PeerGossipPromises}: IWANT promises, broken ones feed P7.
 *   <li>{@link dev.icon.gossip.router.MeshSelection}: the heartbeat's GRAFT/PRUNE choices.
 *   <li>{@link dev.icon.gossip.router.IhaveLimiter}: per-heartbeat IHAVE/IWANT flood limits.
 *   <li>{@link dev.icon.gossip.router.DontWantTracker}: v1.2 IDONTWANT ids per peer.
 * </ul>
 *
 * <p>Threading: the stateful pieces are not thread-safe; the router owns them on its single event
 * loop. Heartbeat order per topic: see {@link dev.icon.gossip.router.MeshSelection}; then
 * {@code FanoutState.expire()}, gossip emission from {@code MessageCache.getGossipIds}, then
 * {@code MessageCache.shift()}, {@code BackoffTracker.expire()},
 * {@code PeerGossipPromises.collectBroken()}, {@code IhaveLimiter.reset()},
 * {@code DontWantTracker.heartbeat()}, {@code SeenCache.expire()}; the core router then expires
 * application validations past their timeout. Score decay (when due) comes first.
 */
package dev.icon.gossip.router;
