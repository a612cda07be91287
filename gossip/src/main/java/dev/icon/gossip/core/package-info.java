/**
 * The gossipsub v1.1/v1.2 router state machine (StrictSign), transport-agnostic and
 * single-threaded: every call happens on one executor, time and randomness come from
 * {@link dev.icon.gossip.core.GossipRouterOptions}.
 *
 * <p>Seams: the host binding implements {@link dev.icon.gossip.core.GossipPeerLink} (outbound RPCs)
 * and calls {@link dev.icon.gossip.core.GossipRouter}'s {@code addPeer}, {@code removePeer},
 * {@code handleRpc} and, every heartbeat interval, {@code heartbeat}; the application calls
 * {@code subscribe}, {@code unsubscribe}, {@code publish} and receives messages through
 * {@link dev.icon.gossip.core.GossipDelivery}.
 *
 * <p>Parts (package-private, each owning one concern over the shared {@code RouterState}):
 * {@code SubscriptionTable} (peers and topics), {@code MeshManager} (JOIN/LEAVE, GRAFT/PRUNE,
 * heartbeat mesh and fanout maintenance), {@code Publisher} (signing, flood/mesh/fanout publish),
 * {@code Forwarder} (validation, dedupe, delivery, relay, IDONTWANT emission), {@code GossipEmitter}
 * (IHAVE emission, IHAVE and IWANT handling), {@code Outbox} (one RPC per peer per step).
 *
 * <p>Not yet: peer exchange (PX in PRUNE is ignored, none is sent), direct peers, application
 * validators (only the signature is checked), StrictNoSign, the v1.1 "ignore RPCs above
 * maxMessageSize" at the RPC level (the codec's job), IWANT size limits beyond the limiter.
 */
package dev.icon.gossip.core;
