// Ping client over /ipfs/ping/1.0.0 with sub-millisecond timing (the @libp2p/ping service reports
// whole milliseconds, too coarse on loopback). The server side is the @libp2p/ping service.
import { randomBytes } from 'node:crypto'
import { ExactReader, sameBytes } from './streams.mjs'

export const PING_PROTOCOL = '/ipfs/ping/1.0.0'
const PING_LENGTH = 32

/**
 * Sends `count` pings back to back on one stream of `connection`, calling onRtt(ms) after each.
 * Throws if a pong differs from its ping or the stream ends early.
 */
export async function pingOn (connection, count, onRtt, signal) {
  const stream = await connection.newStream(PING_PROTOCOL, { signal })
  const reader = new ExactReader(stream)
  try {
    for (let i = 0; i < count; i++) {
      const payload = new Uint8Array(randomBytes(PING_LENGTH))
      const start = performance.now()
      stream.send(payload)
      const pong = await reader.read(PING_LENGTH)
      const rtt = performance.now() - start
      if (!sameBytes(payload, pong)) throw new Error('ping: pong does not match ping')
      onRtt(rtt)
    }
    await stream.close({ signal })
  } catch (err) {
    stream.abort(err)
    throw err
  } finally {
    await reader.release()
  }
}
