// Command-line parsing for peer.mjs. Mirrors the options of the Java `./icon peer` command.
// Any problem here is a usage error (exit code 2), reported before libp2p is started.
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { LOAD_HEADER_BYTES } from './load.mjs'

export const USAGE = `usage: node peer.mjs [options]
  --listen MULTIADDR...          listen address, repeatable, loopback only (default /ip4/127.0.0.1/tcp/0)
  --key-file PATH                libp2p PrivateKey protobuf; created (Ed25519) if missing
  --dial MULTIADDR...            dial these peers
  --ping MULTIADDR               ping a peer over /ipfs/ping/1.0.0
  --ping-count N                 pings to send (default 1)
  --echo-protocol ID...          serve an echo handler on each protocol id
  --echo-send MULTIADDR          open a stream on the first --echo-protocol and check the echo
  --echo-data TEXT | --echo-bytes N   what --echo-send sends (text, or N random bytes)
  --echo-streams N               --echo-send on N concurrent streams of one connection (default 1)
  --perf-server                  serve /perf/1.0.0
  --perf MULTIADDR               run the perf client against a perf server
  --perf-upload BYTES            bytes to upload per run (default 1048576; suffixes KiB MiB GiB)
  --perf-download BYTES          bytes to download per run (default 1048576)
  --perf-runs N                  perf runs, one stream each, on one connection (default 1)
  --perf-warmup N                untimed perf runs before the measured ones (default 0)
  --connect-bench MULTIADDR      dial, handshake and ping on a fresh connection per run
  --connect-runs N               connect-bench runs (default 10)
  --connect-warmup N             untimed connect-bench runs before the measured ones (default 0)
  --register-protocol-after MS ID   register an echo handler for ID after MS (triggers identify push)
  --connection-monitor true|false   js-libp2p's connection monitor: a /ipfs/ping round on every
                                 connection each 10 s, aborting the connection when one fails (default
                                 true, js's default; ./icon peer has no such monitor)
gossipsub (on when any of these is given):
  --subscribe TOPIC...           subscribe; every message received prints a message event
  --publish TOPIC=TEXT...        publish TEXT to TOPIC after --publish-delay (repeatable, in order)
  --publish-delay MS             wait this long after the --dial actions before publishing (default 1000)
  --load-publish TOPIC           load sender: --load-count messages at --load-rate per second
  --load-warmup N                first N warm-up messages (same rate, flagged, left out of load-summary), then 1 s pause
  --load-count N                 messages to send (default 1000)
  --load-rate MSGS_PER_SEC       offered rate (default 100)
  --load-size BYTES              payload size, at least 16 (default 1024)
  --load-receive TOPIC           load receiver: prints one load-summary at shutdown and one on each SIGHUP
  --gossip-d N                   mesh degree D (Dlo, Dhi, Dscore, Dout derived from it)
  --flood-publish true|false     flood our own messages to all topic peers (default true)
  --allow-publish-to-zero-peers  publishing with nobody to send to succeeds (recipients 0)
  --msg-id pubkey-seqno|from-seqno   message-id function (default pubkey-seqno, js and ICON default)
  --gossip-stats                 print gossip-stats (IHAVE/IWANT/GRAFT/PRUNE per peer) at shutdown
Kademlia DHT (/ipfs/kad/1.0.0; client mode unless --dht; key text as in README.md):
  --dht                          serve the DHT (server mode)
  --bootstrap MULTIADDR...       dial these DHT peers and wait for a routing-table entry
  --put KEY=VALUE...             sign VALUE as our /icon/<our id>/<name> record (KEY: NAME or that key) and put it
  --provide KEY...               announce us as a provider of KEY (a CID, or text hashed to sha2-256)
  --get KEY...                   get the record /icon/<peer id>/<name> or /pk/<peer id>
  --find-providers KEY...        find providers of KEY
  --find-peer PEERID...          find a peer's addresses
  --exit-when-done               exit once every requested action has finished
  --duration SECONDS             exit after this long
  --action-timeout SECONDS       limit for each single action (default 60)
  --help                         print this text
exit codes: 0 ok, 1 fatal error, 2 bad usage, 3 a requested action failed`

/** Thrown for any command-line problem; the process exits with code 2. */
export class UsageError extends Error {
  constructor (message) {
    super(message)
    this.name = 'UsageError'
  }
}

// kind: flag (no value), value (exactly one), list (one or more, repeatable), pair (two values)
const SPEC = {
  '--listen': { key: 'listen', kind: 'list', type: 'listenAddr' },
  '--key-file': { key: 'keyFile', kind: 'value', type: 'string' },
  '--dial': { key: 'dial', kind: 'list', type: 'multiaddr' },
  '--ping': { key: 'ping', kind: 'value', type: 'multiaddr' },
  '--ping-count': { key: 'pingCount', kind: 'value', type: 'positiveInt' },
  '--echo-protocol': { key: 'echoProtocols', kind: 'list', type: 'protocol' },
  '--echo-send': { key: 'echoSend', kind: 'value', type: 'multiaddr' },
  '--echo-data': { key: 'echoData', kind: 'value', type: 'string' },
  '--echo-bytes': { key: 'echoBytes', kind: 'value', type: 'bytes' },
  '--echo-streams': { key: 'echoStreams', kind: 'value', type: 'positiveInt' },
  '--perf-server': { key: 'perfServer', kind: 'flag' },
  '--perf': { key: 'perf', kind: 'value', type: 'multiaddr' },
  '--perf-upload': { key: 'perfUpload', kind: 'value', type: 'bytes' },
  '--perf-download': { key: 'perfDownload', kind: 'value', type: 'bytes' },
  '--perf-runs': { key: 'perfRuns', kind: 'value', type: 'positiveInt' },
  '--perf-warmup': { key: 'perfWarmup', kind: 'value', type: 'nonNegativeInt' },
  '--connect-bench': { key: 'connectBench', kind: 'value', type: 'multiaddr' },
  '--connect-runs': { key: 'connectRuns', kind: 'value', type: 'positiveInt' },
  '--connect-warmup': { key: 'connectWarmup', kind: 'value', type: 'nonNegativeInt' },
  '--register-protocol-after': { key: 'registerAfter', kind: 'pair', types: ['nonNegativeInt', 'protocol'] },
  '--connection-monitor': { key: 'connectionMonitor', kind: 'value', type: 'boolean' },
  '--exit-when-done': { key: 'exitWhenDone', kind: 'flag' },
  '--duration': { key: 'duration', kind: 'value', type: 'positiveNumber' },
  '--action-timeout': { key: 'actionTimeout', kind: 'value', type: 'positiveNumber' },
  '--subscribe': { key: 'subscribe', kind: 'list', type: 'topic' },
  '--publish': { key: 'publish', kind: 'list', type: 'publishSpec' },
  '--publish-delay': { key: 'publishDelay', kind: 'value', type: 'nonNegativeInt' },
  '--load-publish': { key: 'loadPublish', kind: 'value', type: 'topic' },
  '--load-count': { key: 'loadCount', kind: 'value', type: 'positiveInt' },
  '--load-rate': { key: 'loadRate', kind: 'value', type: 'positiveNumber' },
  '--load-size': { key: 'loadSize', kind: 'value', type: 'bytes' },
  '--load-warmup': { key: 'loadWarmup', kind: 'value', type: 'nonNegativeInt' },
  '--load-receive': { key: 'loadReceive', kind: 'value', type: 'topic' },
  '--gossip-d': { key: 'gossipD', kind: 'value', type: 'positiveInt' },
  '--flood-publish': { key: 'floodPublish', kind: 'value', type: 'boolean' },
  '--allow-publish-to-zero-peers': { key: 'allowPublishToZeroPeers', kind: 'flag' },
  '--msg-id': { key: 'msgId', kind: 'value', type: 'msgId' },
  '--gossip-stats': { key: 'gossipStats', kind: 'flag' },
  '--dht': { key: 'dht', kind: 'flag' },
  '--bootstrap': { key: 'bootstrap', kind: 'list', type: 'multiaddr' },
  '--put': { key: 'put', kind: 'list', type: 'putSpec' },
  '--provide': { key: 'provide', kind: 'list', type: 'dhtKey' },
  '--get': { key: 'get', kind: 'list', type: 'recordKey' },
  '--find-providers': { key: 'findProviders', kind: 'list', type: 'dhtKey' },
  '--find-peer': { key: 'findPeer', kind: 'list', type: 'peerId' },
  '--help': { key: 'help', kind: 'flag' }
}

/** Options that turn the DHT on (in client mode unless --dht). */
const DHT_OPTIONS = ['--dht', '--bootstrap', '--put', '--provide', '--get', '--find-providers', '--find-peer']

/** Options that turn gossipsub on. */
const GOSSIP_OPTIONS = ['--subscribe', '--publish', '--load-publish', '--load-receive', '--gossip-d',
  '--flood-publish', '--allow-publish-to-zero-peers', '--msg-id', '--gossip-stats']

export const MSG_ID_FUNCTIONS = ['pubkey-seqno', 'from-seqno']

const UNITS = { '': 1, B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }

const CONVERT = {
  string: (v) => v,
  topic: (v, name) => {
    if (v === '') throw new UsageError(`${name}: topic must not be empty`)
    return v
  },
  publishSpec: (v, name) => {
    const eq = v.indexOf('=')
    if (eq < 1) throw new UsageError(`${name}: expected TOPIC=TEXT: ${v}`)
    return { topic: v.slice(0, eq), text: v.slice(eq + 1) }
  },
  putSpec: (v, name) => {
    const eq = v.indexOf('=')
    if (eq < 1) throw new UsageError(`${name}: expected KEY=VALUE: ${v}`)
    return { key: v.slice(0, eq), value: v.slice(eq + 1) }
  },
  dhtKey: (v, name) => {
    if (v === '') throw new UsageError(`${name}: key must not be empty`)
    return v
  },
  recordKey: (v, name) => {
    if (!/^\/(icon\/[^/]+\/.+|pk\/[^/]+)$/.test(v)) throw new UsageError(`${name}: expected /icon/<peer id>/<name> or /pk/<peer id>: ${v}`)
    return v
  },
  peerId: (v, name) => {
    try {
      return peerIdFromString(v).toString()
    } catch (err) {
      throw new UsageError(`${name}: not a peer id: ${v} (${err.message})`)
    }
  },
  boolean: (v, name) => {
    if (v !== 'true' && v !== 'false') throw new UsageError(`${name}: expected true or false: ${v}`)
    return v === 'true'
  },
  msgId: (v, name) => {
    if (!MSG_ID_FUNCTIONS.includes(v)) throw new UsageError(`${name}: expected one of ${MSG_ID_FUNCTIONS.join(', ')}: ${v}`)
    return v
  },
  protocol: (v, name) => {
    if (!v.startsWith('/')) throw new UsageError(`${name}: protocol id must start with '/': ${v}`)
    return v
  },
  multiaddr: (v, name) => {
    try {
      return multiaddr(v)
    } catch (err) {
      throw new UsageError(`${name}: not a multiaddr: ${v} (${err.message})`)
    }
  },
  listenAddr: (v, name) => {
    const ma = CONVERT.multiaddr(v, name)
    const [first] = ma.getComponents()
    const loopback = (first?.name === 'ip4' && first.value.startsWith('127.')) ||
      (first?.name === 'ip6' && first.value === '::1')
    if (!loopback) throw new UsageError(`${name}: only loopback addresses may be listened on: ${v}`)
    return ma
  },
  positiveInt: (v, name) => {
    if (!/^[0-9]+$/.test(v) || Number(v) < 1) throw new UsageError(`${name}: not a positive integer: ${v}`)
    return Number(v)
  },
  nonNegativeInt: (v, name) => {
    if (!/^[0-9]+$/.test(v)) throw new UsageError(`${name}: not a non-negative integer: ${v}`)
    return Number(v)
  },
  positiveNumber: (v, name) => {
    const n = Number(v)
    if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${name}: not a positive number: ${v}`)
    return n
  },
  bytes: (v, name) => {
    const m = /^([0-9]+)(B|KiB|MiB|GiB)?$/.exec(v)
    if (m == null) throw new UsageError(`${name}: not a byte count (e.g. 4194304 or 4MiB): ${v}`)
    const n = Number(m[1]) * UNITS[m[2] ?? '']
    if (!Number.isSafeInteger(n)) throw new UsageError(`${name}: byte count too large: ${v}`)
    return n
  }
}

const isOption = (token) => token.startsWith('--')

/** Parses argv (without node and script) into an options object; throws UsageError. */
export function parseArgs (argv) {
  const raw = {
    listen: [], dial: [], echoProtocols: [], registerAfter: [], subscribe: [], publish: [],
    bootstrap: [], put: [], provide: [], get: [], findProviders: [], findPeer: []
  }
  const seen = new Set()
  for (let i = 0; i < argv.length;) {
    const name = argv[i++]
    const spec = SPEC[name]
    if (spec == null) throw new UsageError(`unknown option: ${name}`)
    if (spec.kind !== 'list' && spec.kind !== 'pair' && seen.has(name)) {
      throw new UsageError(`${name} given more than once`)
    }
    seen.add(name)
    if (spec.kind === 'flag') {
      raw[spec.key] = true
    } else if (spec.kind === 'value') {
      if (i >= argv.length || isOption(argv[i])) throw new UsageError(`${name} needs a value`)
      raw[spec.key] = CONVERT[spec.type](argv[i++], name)
    } else if (spec.kind === 'list') {
      const start = i
      while (i < argv.length && !isOption(argv[i])) raw[spec.key].push(CONVERT[spec.type](argv[i++], name))
      if (i === start) throw new UsageError(`${name} needs at least one value`)
    } else {
      if (i + 1 >= argv.length || isOption(argv[i]) || isOption(argv[i + 1])) {
        throw new UsageError(`${name} needs two values`)
      }
      raw[spec.key].push(spec.types.map((t, k) => CONVERT[t](argv[i + k], name)))
      i += 2
    }
  }
  return validate(raw, seen)
}

function requireWith (seen, option, needed) {
  if (seen.has(option) && !seen.has(needed)) throw new UsageError(`${option} requires ${needed}`)
}

function validate (raw, seen) {
  requireWith(seen, '--ping-count', '--ping')
  requireWith(seen, '--echo-data', '--echo-send')
  requireWith(seen, '--echo-bytes', '--echo-send')
  requireWith(seen, '--echo-send', '--echo-protocol')
  requireWith(seen, '--echo-streams', '--echo-send')
  for (const o of ['--perf-upload', '--perf-download', '--perf-runs', '--perf-warmup']) requireWith(seen, o, '--perf')
  requireWith(seen, '--connect-runs', '--connect-bench')
  requireWith(seen, '--connect-warmup', '--connect-bench')
  if (seen.has('--echo-send') && seen.has('--echo-data') === seen.has('--echo-bytes')) {
    throw new UsageError('--echo-send needs exactly one of --echo-data and --echo-bytes')
  }
  for (const o of ['--load-count', '--load-rate', '--load-size', '--load-warmup']) requireWith(seen, o, '--load-publish')
  if (raw.loadSize != null && raw.loadSize < LOAD_HEADER_BYTES) {
    throw new UsageError(`--load-size: at least ${LOAD_HEADER_BYTES} bytes (sequence number and send time): ${raw.loadSize}`)
  }
  return {
    help: raw.help === true,
    listen: raw.listen.length > 0 ? raw.listen : [multiaddr('/ip4/127.0.0.1/tcp/0')],
    keyFile: raw.keyFile,
    dial: raw.dial,
    ping: raw.ping,
    pingCount: raw.pingCount ?? 1,
    echoProtocols: raw.echoProtocols,
    echoSend: raw.echoSend,
    echoData: raw.echoData,
    echoBytes: raw.echoBytes,
    echoStreams: raw.echoStreams ?? 1,
    perfServer: raw.perfServer === true,
    perf: raw.perf,
    perfUpload: raw.perfUpload ?? 1024 * 1024,
    perfDownload: raw.perfDownload ?? 1024 * 1024,
    perfRuns: raw.perfRuns ?? 1,
    perfWarmup: raw.perfWarmup ?? 0,
    connectBench: raw.connectBench,
    connectRuns: raw.connectRuns ?? 10,
    connectWarmup: raw.connectWarmup ?? 0,
    registerAfter: raw.registerAfter.map(([delayMs, protocol]) => ({ delayMs, protocol })),
    connectionMonitor: raw.connectionMonitor ?? true,
    exitWhenDone: raw.exitWhenDone === true,
    durationMs: raw.duration == null ? undefined : raw.duration * 1000,
    gossip: GOSSIP_OPTIONS.some(o => seen.has(o)),
    subscribe: raw.subscribe,
    publish: raw.publish,
    publishDelayMs: raw.publishDelay ?? 1000,
    loadPublish: raw.loadPublish,
    loadCount: raw.loadCount ?? 1000,
    loadRate: raw.loadRate ?? 100,
    loadSize: raw.loadSize ?? 1024,
    loadWarmup: raw.loadWarmup ?? 0,
    loadReceive: raw.loadReceive,
    gossipD: raw.gossipD,
    floodPublish: raw.floodPublish ?? true,
    allowPublishToZeroPeers: raw.allowPublishToZeroPeers === true,
    msgId: raw.msgId ?? 'pubkey-seqno',
    gossipStats: raw.gossipStats === true,
    dht: DHT_OPTIONS.some(o => seen.has(o)),
    dhtServer: raw.dht === true,
    bootstrap: raw.bootstrap,
    put: raw.put,
    provide: raw.provide,
    get: raw.get,
    findProviders: raw.findProviders,
    findPeer: raw.findPeer,
    actionTimeoutMs: (raw.actionTimeout ?? 60) * 1000
  }
}
