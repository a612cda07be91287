/**
 * Kademlia DHT ({@code /ipfs/kad/1.0.0}, libp2p kad-dht spec) foundations, independent of any
 * transport: {@link dev.icon.overlay.kad.KadKey} (sha256 key space, XOR distance), {@link
 * dev.icon.overlay.kad.RoutingTable} (k-buckets by common prefix length, LRU, liveness-checked
 * replacement, refresh bookkeeping), {@link dev.icon.overlay.kad.KadCodec} (uvarint length-prefixed
 * {@code Message} frames), {@link dev.icon.overlay.kad.RecordValidators} (validators by namespace:
 * {@code /pk/}, and {@code /icon/} records signed by their owner, see {@link
 * dev.icon.overlay.kad.IconRecords}), {@link dev.icon.overlay.kad.ProviderStore} (bounded
 * ADD_PROVIDER bookkeeping with expiry) and {@link dev.icon.overlay.kad.Lookup} (the iterative
 * lookup state machine, with seams {@link dev.icon.overlay.kad.KadQuerier} and {@link
 * dev.icon.overlay.kad.KadTimer}). Settings in {@link dev.icon.overlay.kad.KadConfig}; errors as
 * {@link dev.icon.overlay.kad.KadException} with a {@link dev.icon.overlay.kad.KadError}.
 *
 * <p>Not yet here: the host binding (stream handler answering requests, a querier over streams,
 * client/server mode advertised through identify), the value store and the {@code findPeer},
 * {@code provide}, {@code findProviders}, {@code getValue}, {@code putValue} API, periodic refresh
 * and republish scheduling, bootstrap/join and the CLI.
 */
package dev.icon.overlay.kad;
