/**
 * The binding of the gossipsub router to an overlay host, and the {@link dev.icon.gossip.api.PubSub}
 * implementation ({@link dev.icon.gossip.host.HostPubSub}); build it with
 * {@link dev.icon.gossip.api.GossipBuilder}.
 *
 * <p>Roles: {@code PubsubStreams} (protocol registration, host events, one outbound stream per
 * peer, peer up/down), {@code InboundRpcReader} and {@code RpcFrameDecoder} (inbound frames; a bad
 * frame resets only its stream), {@code WriteOnlyReader} (our outbound stream's reader), {@code
 * PeerOutbound} (bounded per-peer write queue honouring {@code Stream.writable()}, one write in
 * flight, frames queued meanwhile coalesced into one write), {@code
 * RpcFragmenter} (framing; RPCs above the size limit split), {@code RouterEvents} (host events to
 * the router thread, the RPCs of one read as one task, inbound RPC backlog bounded), {@code RouterLoop} (the router's single thread
 * and heartbeat), {@code TopicHandlers} and {@code HandlerSubscription}, {@code TopicValidators},
 * {@code ListenerBridge} (application seams), {@code OwnPublisher} (size check, our validators,
 * publish), {@code GossipMetrics}, {@code DirectPeers}, {@code MeshRedial} (lost mesh neighbours
 * redialled, 3 tries), {@code PxConnector}.
 *
 * <p>Threading: host events and stream data arrive on Netty event loops and are handed, in order,
 * to the router thread; everything touching the {@code GossipRouter} runs on that thread, so the
 * router itself needs no locks. Handlers, validators and listeners are called on it and must not
 * block.
 */
package dev.icon.gossip.host;
