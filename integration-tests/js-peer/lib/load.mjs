// Load mode: a paced publisher and a receiver that reports delivery and latency at shutdown.
//
// Payload layout, shared with the Java peer (dev.icon.node.cli.peer.LoadPayload):
//   bytes 0-7   sequence number of the message at its sender, uint64 big-endian, from 0; the top
//               bit set marks a warm-up message (--load-warmup), left out of load-summary
//   bytes 8-15  send time, microseconds since the Unix epoch, uint64 big-endian
//   bytes 16-   zero, up to --load-size
// Latency = receive time - send time, so sender and receiver must share a clock (one machine).
import { emit } from './events.mjs'
import { percentile } from './stats.mjs'

export const LOAD_HEADER_BYTES = 16

/** Top bit of the sequence number: a warm-up message. */
export const WARMUP_FLAG = 1n << 63n

/** Pause between the warm-up messages and the measured ones, so a warm-up backlog drains. */
export const WARMUP_PAUSE_MS = 1000

/** Microseconds since the Unix epoch, with sub-millisecond resolution. */
export function nowMicros () {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000))
}

/** A `size`-byte payload carrying `seq` and `sentMicros` (bigint). */
export function encodePayload (seq, sentMicros, size) {
  if (size < LOAD_HEADER_BYTES) throw new RangeError(`payload needs at least ${LOAD_HEADER_BYTES} bytes: ${size}`)
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  view.setBigUint64(0, BigInt(seq))
  view.setBigUint64(8, BigInt(sentMicros))
  return bytes
}

/** { seq, sentMicros } (bigints) of a payload, or undefined when it is too short. */
export function decodePayload (bytes) {
  if (bytes.length < LOAD_HEADER_BYTES) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { seq: view.getBigUint64(0), sentMicros: view.getBigUint64(8) }
}

/**
 * Publishes `count` messages of `size` bytes to `topic` at `rate` per second, paced against the
 * start time (messages that fall due together go out together), then emits `load-published`. With `warmup` > 0, that many
 * flagged warm-up messages go first at the same rate, then a WARMUP_PAUSE_MS pause; they are not
 * counted. `load-start` marks the start of the measured messages. A publish that fails (e.g. no peers yet) counts in `failed`, and the run goes on.
 */
export async function loadPublish (pubsub, { topic, count, rate, size, warmup = 0 }, signal) {
  if (warmup > 0) {
    await paced(pubsub, topic, warmup, rate, size, WARMUP_FLAG, signal)
    await new Promise(resolve => setTimeout(resolve, WARMUP_PAUSE_MS))
  }
  emit('load-start', { topic, warmup }) // the measured messages start (a harness samples CPU here)
  const r = await paced(pubsub, topic, count, rate, size, 0n, signal)
  emit('load-published', { topic, count: r.published, failed: r.failed, seconds: r.seconds, first_error: r.firstError })
  if (r.published === 0) throw new Error(`load-publish: none of ${count} messages could be published`)
}

async function paced (pubsub, topic, count, rate, size, flag, signal) {
  const start = performance.now()
  const r = { published: 0, failed: 0, firstError: null, seconds: 0 }
  for (let seq = 0; seq < count; seq++) {
    signal?.throwIfAborted()
    const dueMs = start + (seq * 1000) / rate
    const waitMs = dueMs - performance.now()
    if (waitMs > 1) await new Promise(resolve => setTimeout(resolve, waitMs))
    try {
      // One publish at a time, as an application awaiting each would: js's publish resolves once
      // the RPCs are queued, and running up to 1024 concurrently measured worse, not better.
      await pubsub.publish(topic, encodePayload(BigInt(seq) | flag, nowMicros(), size))
      r.published++
    } catch (err) {
      r.failed++
      r.firstError ??= err?.message ?? String(err)
    }
  }
  r.seconds = (performance.now() - start) / 1000
  return r
}

/** Counts of one author, or of all: deliveries, unique messages, warm-up messages, latencies. */
class Counts {
  constructor () {
    this.received = 0
    this.unique = 0
    this.warmup = 0 // warm-up messages, not in received/unique/latencies
    this.latenciesMs = []
  }

  fields () {
    const l = this.latenciesMs
    const stat = (p) => l.length === 0 ? null : percentile(l, p)
    return {
      received: this.received,
      unique: this.unique,
      lat_ms_p50: stat(50),
      lat_ms_p99: stat(99),
      lat_ms_max: l.length === 0 ? null : l.reduce((a, b) => Math.max(a, b)),
      warmup: this.warmup
    }
  }
}

/**
 * Counts load messages on one topic; summary() gives the `load-summary` fields, with the same
 * fields per author (peer id string) under `by_author`, so a receiver that outlives several load
 * senders reports each one apart.
 */
export class LoadReceiver {
  constructor (topic) {
    this.topic = topic
    this.seen = new Set() // "<from>/<seq>"
    this.all = new Counts()
    this.byAuthor = new Map()
  }

  /** Records one delivered message: `from` is the author's id string, `data` the payload. */
  record (from, data, receivedMicros = nowMicros()) {
    let mine = this.byAuthor.get(from)
    if (mine == null) this.byAuthor.set(from, (mine = new Counts()))
    const p = decodePayload(data)
    if (p != null && (p.seq & WARMUP_FLAG) !== 0n) {
      this.all.warmup++
      mine.warmup++
      return
    }
    this.all.received++
    mine.received++
    if (p == null) return
    const key = `${from}/${p.seq}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    const ms = Number(receivedMicros - p.sentMicros) / 1000
    for (const c of [this.all, mine]) {
      c.unique++
      c.latenciesMs.push(ms)
    }
  }

  summary () {
    const byAuthor = {}
    for (const [author, c] of this.byAuthor) byAuthor[author] = c.fields()
    return { topic: this.topic, ...this.all.fields(), by_author: byAuthor }
  }
}
