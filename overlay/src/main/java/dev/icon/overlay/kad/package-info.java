/**
 * Kademlia DHT ({@code /ipfs/kad/1.0.0}, libp2p kad-dht spec) foundations, independent of any
 * transport: {@link dev.icon.overlay.kad.KadKey} (sha256 key space, XOR distance), {@link
 * dev.icon.overlay.kad.RoutingTable} (k-buckets by common prefix length, LRU, liveness-checked
 * replacement, refresh bookkeeping), {@link dev.icon.overlay.kad.KadCodec} (uvarint length-prefixed
 * {@code Message} frames), {@link dev.icon.overlay.kad.RecordValidators} (validators by namespace:
 * {@code /pk/}, and {@code /icon/} records signed by their owner, see {@link
 * dev.icon.overlay.kad.IconRecords}), {@link dev.icon.overlay.kad.RecordStore} (bounded PUT_VALUE
 * storage), {@link dev.icon.overlay.kad.ProviderStore} (bounded ADD_PROVIDER bookkeeping with
 * expiry), {@link dev.icon.overlay.kad.KadRequestHandler} (server-side answers to every request
 * type) and {@link dev.icon.overlay.kad.Lookup} (the iterative
 * lookup state machine, with seams {@link dev.icon.overlay.kad.KadQuerier} and {@link
 * dev.icon.overlay.kad.KadTimer}, and handlers reading the answers: {@link
 * dev.icon.overlay.kad.PeerFinder}, {@link dev.icon.overlay.kad.ValueCollector} (quorum, best
 * record, outdated peers), {@link dev.icon.overlay.kad.ProviderCollector}). Settings in {@link dev.icon.overlay.kad.KadConfig}; errors as
 * {@link dev.icon.overlay.kad.KadException} with a {@link dev.icon.overlay.kad.KadError}.
 *
 * <p>The host binding: {@link dev.icon.overlay.kad.KadDht} implements {@link
 * dev.icon.overlay.api.Dht} on a host (enabled by {@link dev.icon.overlay.api.HostBuilder#dht},
 * started and stopped with the host); {@code KadServerHandler} serves inbound streams in server
 * mode, {@code KadStreamClient} sends requests over streams, {@code KadNode} holds the parts and
 * keeps the routing table (peers that answer, or that identify shows serving the protocol), {@code
 * KadMaintenance} runs refresh, provider cleanup and republish (and, with {@code minConnections},
 * {@code ConnectionKeeper} dials table peers while the host is short of connections); {@link
 * dev.icon.overlay.kad.DnsaddrResolver} resolves {@code /dnsaddr/} bootstrap names; {@link
 * dev.icon.overlay.kad.IconProviders} names the well-known provider key of ICON edge providers.
 *
 * <p>Interoperates with js-libp2p kad-dht 16 (integration-tests {@code Dht*IT}); on the command
 * line as {@code icon peer --dht ...}. Peers named by gossipsub peer exchange are looked up through
 * the DHT by the gossip module's host binding.
 */
package dev.icon.overlay.kad;
