// Manual interop check of dev.icon.overlay.yamux against @chainsafe/libp2p-yamux 8.0.1 (js-libp2p 3),
// over plain TCP (no Noise, no multistream-select). Not run by the build: the integration-tests
// module owns tests with real js peers. Usage: start a Java listener that installs
// new YamuxMuxer().install(ch, Role.RESPONDER, <echo streams>) on each accepted TCP channel, opens
// its own echo streams to us, then:  node js-interop.mjs <port> [msBeforeGoAway]
// with NODE_MODULES pointing at integration-tests/js-peer/node_modules (needs npm ci there).
// Exit code 0 and RESULT lines on success. Last run (2026-11-28): 8 MiB js->java echo, 50
// concurrent js->java streams, 4 MiB + 20 streams java->js, pings both ways, js go-away seen.
import net from 'node:net'
import crypto from 'node:crypto'
if (!Promise.withResolvers) {
  Promise.withResolvers = function () { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b }); return { promise, resolve, reject } }
}
const base = (process.env.NODE_MODULES ?? '../../../../../../../../integration-tests/js-peer/node_modules').replace(/\/?$/, '/')
const { yamux } = await import(base + '@chainsafe/libp2p-yamux/dist/src/index.js')
const { toMultiaddrConnection } = await import(base + '@libp2p/tcp/dist/src/socket-to-conn.js')
const { multiaddr } = await import(base + '@multiformats/multiaddr/dist/src/index.js')
const { defaultLogger } = await import(base + '@libp2p/logger/dist/src/index.js')

const port = +process.argv[2]
const socket = net.connect(port, '127.0.0.1')
await new Promise((r, j) => { socket.once('connect', r); socket.once('error', j) })
const maConn = toMultiaddrConnection({ socket, direction: 'outbound', remoteAddr: multiaddr(`/ip4/127.0.0.1/tcp/${port}`), log: defaultLogger().forComponent('conn') })
const muxer = yamux({})().createStreamMuxer(maConn)

// Echo streams the Java side opens.
muxer.addEventListener('stream', async (evt) => {
  const s = evt.detail
  try {
    for await (const chunk of s) {
      if (!s.send(chunk.subarray ? chunk.subarray() : chunk)) await s.onDrain()
    }
    await s.close()
  } catch (e) { console.log('echo error', e) }
})

async function echoRoundTrip (size) {
  const data = crypto.randomBytes(size)
  const s = await muxer.createStream()
  const received = []
  const reader = (async () => { for await (const c of s) received.push(Buffer.from(c.subarray ? c.subarray() : c)) })()
  for (let off = 0; off < size; off += 16384) {
    if (!s.send(data.subarray(off, Math.min(size, off + 16384)))) await s.onDrain()
  }
  await s.close()
  await reader
  const got = Buffer.concat(received)
  if (!got.equals(data)) throw new Error(`echo mismatch: sent ${size} got ${got.length}`)
}

const t0 = Date.now()
await echoRoundTrip(8 * 1024 * 1024)
console.log(`RESULT js->java 8 MiB echo ok in ${Date.now() - t0} ms`)
await Promise.all(Array.from({ length: 50 }, (_, i) => echoRoundTrip(1000 + i * 100)))
console.log('RESULT js->java 50 concurrent echo streams ok')
const rtt = await muxer.ping()
console.log(`RESULT js ping rtt ${rtt} ms`)
// wait for the Java side's own stream tests (it writes DONE through a stream we echo)
await new Promise(r => setTimeout(r, Number(process.argv[3] ?? 3000)))
await muxer.close()
console.log('RESULT js muxer closed (go-away sent)')
socket.destroy()
