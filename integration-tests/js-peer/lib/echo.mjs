// Echo: the server pipes every byte of a stream back to the sender and closes when the sender
// has closed its write side; the client sends a payload, closes, and compares what comes back.
import { randomBytes } from 'node:crypto'
import { emit, emitError } from './events.mjs'
import { readAll, sameBytes, toBytes, writeAll } from './streams.mjs'

/** At most this many received bytes are reported back as text in an `echo` event. */
const MAX_REPORTED_TEXT = 256

/** Stream limits for echo handlers; tests open many echo streams on one connection. */
export const ECHO_HANDLER_OPTIONS = { maxInboundStreams: 256, maxOutboundStreams: 256 }

/** A stream handler that echoes and emits `echo` {role: "server"} when the stream is done. */
export function echoHandler (protocol) {
  return async (stream, connection) => {
    let bytes = 0
    const head = []
    try {
      for await (const chunk of stream) {
        if (bytes < MAX_REPORTED_TEXT) head.push(toBytes(chunk))
        bytes += chunk.byteLength
        if (!stream.send(chunk)) await stream.onDrain()
      }
      await stream.close()
      const data = bytes <= MAX_REPORTED_TEXT ? Buffer.concat(head).toString('utf8') : undefined
      emit('echo', { role: 'server', protocol, peerId: connection.remotePeer.toString(), bytes, data })
    } catch (err) {
      stream.abort(err)
      emitError('echo-server', err)
    }
  }
}

/** Client side of --echo-send; throws if the echo differs from what was sent. */
export async function echoSend (node, target, protocol, { text, byteCount }, signal) {
  const payload = text != null ? new TextEncoder().encode(text) : new Uint8Array(randomBytes(byteCount))
  const start = performance.now()
  const connection = await node.dial(target, { signal })
  const stream = await connection.newStream(protocol, { signal })
  try {
    const echoed = readAll(stream)
    await writeAll(stream, payload, { signal })
    await stream.close({ signal })
    const received = await echoed
    const match = sameBytes(payload, received)
    emit('echo', {
      role: 'client',
      protocol,
      peerId: connection.remotePeer.toString(),
      bytes: payload.byteLength,
      received_bytes: received.byteLength,
      data: text,
      match,
      ms: performance.now() - start
    })
    if (!match) throw new Error(`echo mismatch: sent ${payload.byteLength} bytes, got ${received.byteLength} back`)
  } catch (err) {
    stream.abort(err)
    throw err
  }
}
