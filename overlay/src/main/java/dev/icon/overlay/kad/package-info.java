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
 * <p>Not yet here: the host binding (a stream handler calling the request handler, a querier over
 * streams, client/server mode advertised through identify), the {@code findPeer},
 * {@code provide}, {@code findProviders}, {@code getValue}, {@code putValue} API, periodic refresh
 * and republish scheduling, bootstrap/join and the CLI.
 */
package dev.icon.overlay.kad;
