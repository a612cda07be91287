// Small helpers over the libp2p 3.x stream API (send()/onDrain() for writing, async iteration
// for reading; chunks are Uint8Array or Uint8ArrayList). Written here rather than imported from
// transitive dependencies so the peer depends only on the pinned packages.

/** Write chunk size: one Yamux frame at js-yamux's default maxMessageSize. */
export const CHUNK_SIZE = 64 * 1024

/** A chunk as one contiguous Uint8Array (Uint8ArrayList.subarray() copies only when needed). */
export function toBytes (chunk) {
  return chunk instanceof Uint8Array ? chunk : chunk.subarray()
}

/** Sends `data` in CHUNK_SIZE pieces, waiting for 'drain' whenever the stream asks for it. */
export async function writeAll (stream, data, options = {}) {
  for (let off = 0; off < data.byteLength; off += CHUNK_SIZE) {
    if (!stream.send(data.subarray(off, Math.min(off + CHUNK_SIZE, data.byteLength)))) {
      await stream.onDrain(options)
    }
  }
}

/** Sends `count` bytes taken from a reused zero-filled chunk (perf payload), honouring backpressure. */
export async function writeZeros (stream, count, options = {}) {
  const zeros = new Uint8Array(CHUNK_SIZE)
  for (let left = count; left > 0; left -= CHUNK_SIZE) {
    if (!stream.send(left >= CHUNK_SIZE ? zeros : zeros.subarray(0, left))) {
      await stream.onDrain(options)
    }
  }
}

/** Reads the whole stream (until the remote closes its write side) into one Uint8Array. */
export async function readAll (stream) {
  const parts = []
  let length = 0
  for await (const chunk of stream) {
    const bytes = toBytes(chunk)
    parts.push(bytes)
    length += bytes.byteLength
  }
  const out = new Uint8Array(length)
  let off = 0
  for (const p of parts) {
    out.set(p, off)
    off += p.byteLength
  }
  return out
}

/**
 * Reads exact-length messages from a stream that stays open, e.g. repeated pings on one stream.
 * Only one read may be outstanding at a time.
 */
export class ExactReader {
  constructor (stream) {
    this.iterator = stream[Symbol.asyncIterator]()
    this.pending = []
    this.pendingLength = 0
  }

  /** Resolves with exactly `n` bytes, or rejects if the stream ends first. */
  async read (n) {
    while (this.pendingLength < n) {
      const { value, done } = await this.iterator.next()
      if (done) throw new Error(`stream ended after ${this.pendingLength} of ${n} bytes`)
      const bytes = toBytes(value)
      this.pending.push(bytes)
      this.pendingLength += bytes.byteLength
    }
    const out = new Uint8Array(n)
    let off = 0
    while (off < n) {
      const head = this.pending[0]
      const take = Math.min(head.byteLength, n - off)
      out.set(head.subarray(0, take), off)
      off += take
      if (take === head.byteLength) this.pending.shift()
      else this.pending[0] = head.subarray(take)
    }
    this.pendingLength -= n
    return out
  }

  /** Stops reading (releases the stream's message listeners). */
  async release () {
    await this.iterator.return?.()
  }
}

/** Byte-wise equality of two Uint8Arrays. */
export function sameBytes (a, b) {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0
}
