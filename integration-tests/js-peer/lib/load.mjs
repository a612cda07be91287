// Load mode: a paced publisher and a receiver that reports delivery and latency at shutdown.
//
// Payload layout, shared with the Java peer (dev.icon.node.cli.peer.LoadPayload):
//   bytes 0-7   sequence number of the message at its sender, uint64 big-endian, from 0
//   bytes 8-15  send time, microseconds since the Unix epoch, uint64 big-endian
//   bytes 16-   zero, up to --load-size
// Latency = receive time - send time, so sender and receiver must share a clock (one machine).
import { emit } from './events.mjs'
import { percentile } from './stats.mjs'

export const LOAD_HEADER_BYTES = 16

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
 * start time (messages that fall due together go out together), then emits `load-published`.
 * A publish that fails (e.g. no peers yet) counts in `failed`, and the run goes on.
 */
export async function loadPublish (pubsub, { topic, count, rate, size }, signal) {
  const start = performance.now()
  let published = 0
  let failed = 0
  let firstError = null
  for (let seq = 0; seq < count; seq++) {
    signal?.throwIfAborted()
    const dueMs = start + (seq * 1000) / rate
    const waitMs = dueMs - performance.now()
    if (waitMs > 1) await new Promise(resolve => setTimeout(resolve, waitMs))
    try {
      await pubsub.publish(topic, encodePayload(seq, nowMicros(), size))
      published++
    } catch (err) {
      failed++
      firstError ??= err?.message ?? String(err)
    }
  }
  const seconds = (performance.now() - start) / 1000
  emit('load-published', { topic, count: published, failed, seconds, first_error: firstError })
  if (published === 0) throw new Error(`load-publish: none of ${count} messages could be published`)
}

/** Counts load messages on one topic; summary() gives the `load-summary` fields. */
export class LoadReceiver {
  constructor (topic) {
    this.topic = topic
    this.received = 0
    this.seen = new Set() // "<from>/<seq>"
    this.latenciesMs = []
  }

  /** Records one delivered message: `from` is the author's id string, `data` the payload. */
  record (from, data, receivedMicros = nowMicros()) {
    this.received++
    const p = decodePayload(data)
    if (p == null) return
    const key = `${from}/${p.seq}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.latenciesMs.push(Number(receivedMicros - p.sentMicros) / 1000)
  }

  summary () {
    const l = this.latenciesMs
    const stat = (p) => l.length === 0 ? null : percentile(l, p)
    return {
      topic: this.topic,
      received: this.received,
      unique: this.seen.size,
      lat_ms_p50: stat(50),
      lat_ms_p99: stat(99),
      lat_ms_max: l.length === 0 ? null : l.reduce((a, b) => Math.max(a, b))
    }
  }
}
