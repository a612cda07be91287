// gossipsub for peer.mjs: the service's settings (shared meaning with `./icon peer`), and the
// subscribe / publish actions with their `message` and `published` events.
import { gossipsub, StrictSign } from '@libp2p/gossipsub'
import { emit } from './events.mjs'
import { LoadReceiver, loadPublish } from './load.mjs'

/**
 * Mesh degrees derived from --gossip-d N, the same rule as the Java peer's GossipOptions:
 * D = N, Dlo = ceil(2N/3), Dhi = 2N, Dscore = min(4, Dlo), Dout = min(2, floor(N/2), Dlo - 1).
 * N = 6 gives the spec defaults (6, 4, 12, 4, 2).
 */
export function meshDegrees (n) {
  const dlo = Math.max(1, Math.ceil((2 * n) / 3))
  return {
    D: n,
    Dlo: dlo,
    Dhi: 2 * n,
    Dscore: Math.min(4, dlo),
    Dout: Math.max(0, Math.min(2, Math.floor(n / 2), dlo - 1))
  }
}

/** The spec's and go's id: the `from` bytes (peer id multihash) followed by the 8-byte seqno. */
export function msgIdFromSeqno (msg) {
  if (msg.type !== 'signed') throw new Error('expected a signed message')
  const from = msg.from.toMultihash().bytes
  const seqno = new Uint8Array(8)
  new DataView(seqno.buffer).setBigUint64(0, BigInt.asUintN(64, msg.sequenceNumber))
  const id = new Uint8Array(from.length + 8)
  id.set(from, 0)
  id.set(seqno, from.length)
  return id
}

/** The init object of the gossipsub service for the parsed options. */
export function gossipsubInit (opts) {
  return {
    globalSignaturePolicy: StrictSign, // ICON's default too; sign and verify every message
    // pubkey-seqno (no msgIdFn: js's StrictSign default, protobuf(PublicKey) || seqno, the same as
    // ICON's default StandardMessageIdFunction.PUBLIC_KEY_SEQNO); from-seqno: the spec's from || seqno
    ...(opts.msgId === 'from-seqno' ? { msgIdFn: msgIdFromSeqno } : {}),
    floodPublish: opts.floodPublish,
    allowPublishToZeroTopicPeers: opts.allowPublishToZeroPeers,
    emitSelf: false, // our own messages are not delivered to us (as in ICON)
    ...(opts.gossipD != null ? meshDegrees(opts.gossipD) : {})
  }
}

/** The gossipsub service factory for createNode. */
export function gossipsubService (opts) {
  return gossipsub(gossipsubInit(opts))
}

const hex = (bytes) => Buffer.from(bytes).toString('hex')

/** Hex of a js message id string (gossipsub keeps ids as base64 strings). */
export const msgIdHex = (msgIdStr) => Buffer.from(msgIdStr, 'base64').toString('hex')

/** 8-byte big-endian hex of a js sequence number (a bigint). */
export function seqnoHex (seqno) {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, seqno))
  return hex(b)
}

/**
 * Subscribes to `topics` and prints a `message` event for each message on them; messages on
 * `quietTopics` go to `onQuiet(evt.detail)` instead (the load receiver).
 */
export function subscribeAll (pubsub, topics, quietTopics = new Map()) {
  pubsub.addEventListener('gossipsub:message', (evt) => {
    const { msg, msgId, propagationSource } = evt.detail
    const quiet = quietTopics.get(msg.topic)
    if (quiet != null) {
      quiet(evt.detail)
      return
    }
    if (!topics.includes(msg.topic)) return
    emit('message', {
      topic: msg.topic,
      from: msg.type === 'signed' ? msg.from.toString() : null,
      data: new TextDecoder().decode(msg.data),
      seqno: msg.type === 'signed' ? seqnoHex(msg.sequenceNumber) : null,
      msgId: msgIdHex(msgId),
      receivedFrom: propagationSource.toString()
    })
  })
  for (const topic of new Set([...topics, ...quietTopics.keys()])) pubsub.subscribe(topic)
}

/** Publishes TEXT on TOPIC for each --publish, in order; one `published` event each. */
export async function publishAll (pubsub, publishes, signal) {
  for (const { topic, text } of publishes) {
    signal?.throwIfAborted()
    const result = await pubsub.publish(topic, new TextEncoder().encode(text))
    emit('published', { topic, recipients: result.recipients.length })
  }
}

/**
 * Subscriptions now; --publish and --load-publish --publish-delay after the --dial actions have
 * finished (`dialed` resolves then), each as a `runner` action. Summary reports go to
 * `finalReports`. Returns the actions' promises.
 */
export function startGossip (pubsub, opts, runner, finalReports, dialed) {
  const quiet = new Map()
  if (opts.loadReceive != null) {
    const receiver = new LoadReceiver(opts.loadReceive)
    quiet.set(opts.loadReceive, ({ msg }) => receiver.record(msg.type === 'signed' ? msg.from.toString() : '', msg.data))
    finalReports.push(() => emit('load-summary', receiver.summary()))
  }
  subscribeAll(pubsub, opts.subscribe, quiet)
  const delayed = []
  const delay = async () => {
    await dialed
    await new Promise(resolve => setTimeout(resolve, opts.publishDelayMs))
  }
  if (opts.publish.length > 0) {
    delayed.push(runner.run('publish', async (signal) => {
      await delay()
      await publishAll(pubsub, opts.publish, signal)
    }, opts.publishDelayMs + opts.actionTimeoutMs * (1 + opts.dial.length)))
  }
  if (opts.loadPublish != null) {
    const load = { topic: opts.loadPublish, count: opts.loadCount, rate: opts.loadRate, size: opts.loadSize }
    delayed.push(runner.run('load-publish', async (signal) => {
      await delay()
      await loadPublish(pubsub, load, signal)
    }, opts.publishDelayMs + opts.actionTimeoutMs * (1 + opts.dial.length) + (opts.loadCount * 1000) / opts.loadRate))
  }
  return delayed
}
