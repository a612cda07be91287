// The js-libp2p node: TCP, Noise, Yamux, identify (+push), ping. Tuned to be a test and benchmark
// partner on loopback, where many connections come from one IP in a short time.
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { createLibp2p } from 'libp2p'

/**
 * Creates (without starting) a node listening on `listen` (Multiaddr[]) with `privateKey`; with
 * `pubsub` (a service factory such as gossipsubService(opts)) it runs as `node.services.pubsub`;
 * with `dht` (dhtService(opts)) as `node.services.dht`. `connectionMonitor: false` turns off
 * libp2p's connection monitor (default on, as in js-libp2p).
 */
export function createNode ({ listen, privateKey, pubsub, dht, connectionMonitor = true }) {
  return createLibp2p({
    start: false,
    privateKey,
    addresses: { listen: listen.map(ma => ma.toString()) },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux({
      // js-yamux defaults, spelled out so benchmarks state what they ran with.
      maxInboundStreams: 1024, // well above what one test opens, still bounded
      maxOutboundStreams: 1024,
      maxMessageSize: 64 * 1024, // largest data frame js sends; Noise caps messages near 64 KiB anyway
      enableKeepAlive: true, // yamux pings every keepAliveInterval: exercises the other side's ping handling
      keepAliveInterval: 30_000,
      streamOptions: {
        initialStreamWindowSize: 256 * 1024, // the spec's initial window
        maxStreamWindowSize: 16 * 1024 * 1024, // lets one stream fill a loopback link
        maxReadBufferLength: 4 * 1024 * 1024 // unread bytes per stream before js aborts it
      }
    })],
    // js-libp2p pings every connection each 10 s over /ipfs/ping and aborts it when the ping times
    // out (adaptive, at least 5 s): on a CPU-starved machine that cuts busy connections.
    connectionMonitor: { enabled: connectionMonitor },
    connectionManager: {
      maxConnections: 1024, // connect benchmarks open one connection per run
      // js accepts 5 new inbound connections per second per IP by default; every test peer is
      // 127.0.0.1, so a connect benchmark would be refused from its sixth run on.
      inboundConnectionThreshold: 100_000,
      maxIncomingPendingConnections: 256, // concurrent handshakes in flight
      dialTimeout: 10_000
    },
    services: {
      identify: identify(), // runs on every new connection
      identifyPush: identifyPush(), // pushes when our protocols or addresses change (1 s debounce)
      ping: ping(), // serves /ipfs/ping/1.0.0
      ...(pubsub != null ? { pubsub } : {}), // /meshsub/1.2.0, 1.1.0, 1.0.0 and /floodsub/1.0.0
      ...(dht != null ? { dht } : {}) // /ipfs/kad/1.0.0 (needs the ping service above)
    }
  })
}
