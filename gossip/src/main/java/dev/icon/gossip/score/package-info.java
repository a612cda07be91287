/**
 * Gossipsub v1.1 peer scoring: parameters ({@link dev.icon.gossip.score.TopicScoreParams},
 * {@link dev.icon.gossip.score.PeerScoreParams}), thresholds
 * ({@link dev.icon.gossip.score.PeerScoreThresholds}) and the tracker
 * ({@link dev.icon.gossip.score.PeerScore}). Pure classes: no I/O, no threads, time from an
 * injected nano clock.
 *
 * <p>How a router drives {@link dev.icon.gossip.score.PeerScore} (all calls on one thread):
 * <ul>
 *   <li>connection up / down: {@code addPeer(peer, remoteIp)} / {@code removePeer(peer)};
 *   <li>mesh changes in either direction (our GRAFT or theirs, our PRUNE or theirs, heartbeat
 *       pruning): {@code graft(peer, topic)} / {@code prune(peer, topic)};
 *   <li>a message whose id is not in the seen cache: {@code validateMessage(id, from)}, then on
 *       the validation outcome {@code deliverMessage(id, from, topic)} or
 *       {@code rejectMessage(id, from, topic, reason)}; a message that fails before its id can be
 *       trusted (bad/missing signature, self origin): {@code rejectMessage} with that reason;
 *   <li>a message already seen (a duplicate): {@code duplicateMessage(id, from, topic)};
 *   <li>a broken IWANT promise or a GRAFT during backoff: {@code addPenalty(peer, 1)};
 *   <li>every {@link dev.icon.gossip.score.PeerScoreParams#decayInterval()}:
 *       {@code refreshScores()};
 *   <li>decisions: {@code score(peer)} against the thresholds (0 for mesh membership, then
 *       gossip, publish, graylist, accept-PX, opportunistic graft).
 * </ul>
 */
package dev.icon.gossip.score;
