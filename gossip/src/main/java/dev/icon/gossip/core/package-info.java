/**
 * The gossipsub v1.1/v1.2 router state machine (StrictSign or StrictNoSign), transport-agnostic and
 * single-threaded: every call happens on one executor, time and randomness come from
 * {@link dev.icon.gossip.core.GossipRouterOptions}.
 *
 * <p>Seams: the host binding implements {@link dev.icon.gossip.core.GossipPeerLink} (outbound RPCs)
 * and calls {@link dev.icon.gossip.core.GossipRouter}'s {@code addPeer}, {@code removePeer},
 * {@code handleRpc} and, every heartbeat interval, {@code heartbeat}; the application calls
 * {@code subscribe}, {@code unsubscribe}, {@code publish} and receives messages through
 * {@link dev.icon.gossip.core.GossipDelivery}. Optional seams in
 * {@link dev.icon.gossip.core.GossipRouterHooks}: events ({@code GossipRouterListener}), application
 * validation ({@code MessageValidation}, verdicts resumed on the hooks' executor) and received peer
 * exchange ({@code PeerExchange}).
 *
 * <p>Parts (package-private, each owning one concern over the shared {@code RouterState}):
 * {@code SubscriptionTable} (peers and topics), {@code MeshManager} (JOIN/LEAVE, GRAFT/PRUNE,
 * heartbeat mesh and fanout maintenance, direct peers), {@code PeerExchanger} (PX in PRUNEs, both
 * ways), {@code Publisher} (signing, flood/mesh/fanout/direct publish), {@code Forwarder}
 * (signature check, dedupe, delivery, relay, IDONTWANT emission), {@code ValidationPipeline}
 * (application verdicts, parking, timeouts), {@code ScoreRefresher} (decay and score-change
 * events), {@code GossipEmitter} (IHAVE emission, IHAVE and IWANT handling), {@code Outbox} (one
 * RPC per peer per step).
 *
 * <p>Not yet: signed peer records in the PX we send (we send peer ids only; received records are
 * passed through to {@code PeerExchange} unverified), connecting to direct peers and PX candidates
 * (the host binding's job), the v1.1 "ignore RPCs above maxMessageSize" at the RPC level (the
 * codec's job), IWANT size limits beyond the limiter.
 */
package dev.icon.gossip.core;
