#!/usr/bin/env node
// A js-libp2p gossipsub peer that signs some of its messages with a broken signature: the
// "js peer that sends invalid signatures" of the gossip interop tests (GossipInvalidSignatureIT).
//
// It runs the real @libp2p/gossipsub router (framing, subscriptions, flood publish untouched) and
// only swaps the signing function of its publish configuration: messages published as "forged"
// get their signature's first byte flipped after signing, so the receiver's verification must
// fail. Independent of peer.mjs on purpose (that file belongs to the general interop peer).
//
//   node forge.mjs [--dial MULTIADDR] --topic TOPIC [--valid N] [--forged N] [--await-peer PEERID]
//
// It subscribes to TOPIC, dials the address if given, waits until the dialled peer (or
// --await-peer; without either: the first peer) announced TOPIC, then publishes N valid messages
// ("valid-<i>") followed by N forged ones ("forged-<i>"), one event each, then `done`. It keeps
// running (connected) until SIGTERM/SIGINT.
//
// Events (JSON lines, as peer.mjs): listening {peerId, addrs}, dialed {peerId},
// subscriber {topic, peerId}, published {kind: valid|forged, topic, data, seqno (hex),
// msgId (hex, js default id: protobuf(PublicKey) || seqno), recipients}, done, error, shutdown.
import './lib/polyfill.mjs'
import { emit, emitError } from './lib/events.mjs'

const USAGE = 'usage: node forge.mjs [--dial MULTIADDR] --topic TOPIC [--valid N] [--forged N] [--await-peer PEERID]'
const WAIT_FOR_SUBSCRIPTION_MS = 30_000

function parse (argv) {
  const opts = { valid: 1, forged: 1 }
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]]
    if (value == null) throw new Error(`missing value for ${name}`)
    if (name === '--dial') opts.dial = value
    else if (name === '--topic') opts.topic = value
    else if (name === '--valid') opts.valid = Number.parseInt(value, 10)
    else if (name === '--forged') opts.forged = Number.parseInt(value, 10)
    else if (name === '--await-peer') opts.awaitPeer = value
    else throw new Error(`unknown option ${name}`)
  }
  if (opts.topic == null) throw new Error('--topic is required')
  if (!(opts.valid >= 0) || !(opts.forged >= 0)) throw new Error('--valid and --forged take counts >= 0')
  return opts
}

async function main (argv) {
  let opts
  try {
    opts = parse(argv)
  } catch (err) {
    emitError('usage', err)
    process.stderr.write(`${err.message}\n${USAGE}\n`)
    process.exit(2)
  }
  const { createLibp2p } = await import('libp2p')
  const { tcp } = await import('@libp2p/tcp')
  const { noise } = await import('@chainsafe/libp2p-noise')
  const { yamux } = await import('@chainsafe/libp2p-yamux')
  const { identify } = await import('@libp2p/identify')
  const { ping } = await import('@libp2p/ping')
  const { gossipsub } = await import('@libp2p/gossipsub')
  const { RPC } = await import('@libp2p/gossipsub/message')
  const { generateKeyPair, publicKeyToProtobuf } = await import('@libp2p/crypto/keys')
  const { multiaddr } = await import('@multiformats/multiaddr')

  const privateKey = await generateKeyPair('Ed25519')
  const node = await createLibp2p({
    privateKey,
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping(), pubsub: gossipsub({ allowPublishToZeroTopicPeers: false }) }
  })
  installShutdown(node)
  emit('listening', { peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String) })
  const pubsub = node.services.pubsub

  // Swap the signer: the real key signs, and "forged" messages get the first byte flipped.
  let forgeNext = false
  let lastSeqno
  const realKey = pubsub.publishConfig.privateKey
  pubsub.publishConfig = {
    ...pubsub.publishConfig,
    privateKey: {
      sign: async (bytes) => {
        // bytes = "libp2p-pubsub:" || protobuf(Message without signature and key)
        lastSeqno = RPC.Message.decode(bytes.subarray('libp2p-pubsub:'.length)).seqno
        const signature = Uint8Array.from(await realKey.sign(bytes))
        if (forgeNext) signature[0] ^= 0xff
        return signature
      }
    }
  }
  const keyHex = Buffer.from(publicKeyToProtobuf(privateKey.publicKey)).toString('hex')

  pubsub.subscribe(opts.topic)
  let target = opts.awaitPeer
  if (opts.dial != null) {
    const connection = await node.dial(multiaddr(opts.dial))
    target ??= connection.remotePeer.toString()
    emit('dialed', { peerId: connection.remotePeer.toString() })
  }
  const subscriber = () => pubsub.getSubscribers(opts.topic).map(String).find(p => target == null || p === target)
  await until(() => subscriber() != null, `${target ?? 'a peer'} announcing ${opts.topic}`)
  emit('subscriber', { topic: opts.topic, peerId: subscriber() })

  const publish = async (kind, i) => {
    forgeNext = kind === 'forged'
    const data = `${kind}-${i}`
    const { recipients } = await pubsub.publish(opts.topic, new TextEncoder().encode(data))
    const seqno = Buffer.from(lastSeqno).toString('hex')
    emit('published', { kind, topic: opts.topic, data, seqno, msgId: keyHex + seqno, recipients: recipients.map(String) })
  }
  for (let i = 0; i < opts.valid; i++) await publish('valid', i)
  for (let i = 0; i < opts.forged; i++) await publish('forged', i)
  emit('done')
}

async function until (condition, what) {
  const deadline = Date.now() + WAIT_FOR_SUBSCRIPTION_MS
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 50)) // polls js-internal state; no event for it
  }
}

function installShutdown (node) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      emit('shutdown', { code: 0, reason: signal })
      const forced = setTimeout(() => process.exit(0), 5_000)
      await node.stop().catch(() => {})
      clearTimeout(forced)
      process.exit(0)
    })
  }
}

try {
  await main(process.argv.slice(2))
} catch (err) {
  emitError('fatal', err)
  process.stderr.write(`${err?.stack ?? err}\n`)
  process.exit(1)
}
