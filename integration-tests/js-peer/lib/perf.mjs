// The libp2p perf protocol (/perf/1.0.0, libp2p/specs perf/perf.md), written against the stream
// API: the client sends the download size as a big-endian uint64, then the upload bytes, then
// closes its write side; the server reads to EOF, then sends the requested bytes and closes.
import { emit, emitError } from './events.mjs'
import { toBytes, writeZeros } from './streams.mjs'

export const PERF_PROTOCOL = '/perf/1.0.0'

/** Perf runs are sequential, but a benchmark may run several clients against one server. */
export const PERF_HANDLER_OPTIONS = { maxInboundStreams: 64, maxOutboundStreams: 64 }

/** Server handler; emits `perf-served` per stream. */
export async function perfHandler (stream, connection) {
  const header = []
  let headerLength = 0
  let uploaded = 0
  try {
    for await (const chunk of stream) {
      let bytes = toBytes(chunk)
      if (headerLength < 8) {
        const take = Math.min(8 - headerLength, bytes.byteLength)
        header.push(bytes.subarray(0, take))
        headerLength += take
        bytes = bytes.subarray(take)
      }
      uploaded += bytes.byteLength
    }
    if (headerLength < 8) throw new Error(`perf stream closed after ${headerLength} of 8 header bytes`)
    const requested = Buffer.concat(header).readBigUInt64BE(0)
    // uint64 max means "until the client goes away"; Number is exact up to 2^53, which is plenty.
    const download = requested > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(requested)
    await writeZeros(stream, download)
    await stream.close()
    emit('perf-served', { peerId: connection.remotePeer.toString(), upload_bytes: uploaded, download_bytes: download })
  } catch (err) {
    stream.abort(err)
    emitError('perf-server', err)
  }
}

/**
 * One client run on an open connection. Upload time runs from opening the stream to the first
 * byte of the response (or to EOF when nothing is downloaded): the server answers only after it
 * has read the whole upload. Download time runs from that first byte to EOF.
 */
export async function perfRun (connection, uploadBytes, downloadBytes, signal) {
  const start = performance.now()
  const stream = await connection.newStream(PERF_PROTOCOL, { signal })
  try {
    const response = readResponse(stream)
    const header = Buffer.alloc(8)
    header.writeBigUInt64BE(BigInt(downloadBytes), 0)
    stream.send(header)
    await writeZeros(stream, uploadBytes, { signal })
    await stream.close({ signal })
    const { received, firstByteAt, endAt } = await response
    if (received !== downloadBytes) throw new Error(`perf: expected ${downloadBytes} bytes, received ${received}`)
    const uploadS = ((firstByteAt ?? endAt) - start) / 1000
    const downloadS = firstByteAt == null ? 0 : (endAt - firstByteAt) / 1000
    return {
      upload_bytes: uploadBytes,
      download_bytes: downloadBytes,
      upload_s: uploadS,
      download_s: downloadS,
      upload_gbps: gbps(uploadBytes, uploadS),
      download_gbps: gbps(downloadBytes, downloadS)
    }
  } catch (err) {
    stream.abort(err)
    throw err
  }
}

async function readResponse (stream) {
  let received = 0
  let firstByteAt
  for await (const chunk of stream) {
    firstByteAt ??= performance.now()
    received += chunk.byteLength
  }
  return { received, firstByteAt, endAt: performance.now() }
}

function gbps (bytes, seconds) {
  return bytes === 0 || seconds <= 0 ? 0 : (bytes * 8) / seconds / 1e9
}
