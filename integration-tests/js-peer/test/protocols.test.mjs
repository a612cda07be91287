// Echo, perf and ping between two in-process nodes, at sizes that do not fill whole chunks.
import '../lib/polyfill.mjs'
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { multiaddr } from '@multiformats/multiaddr'
import { echoHandler, echoSend } from '../lib/echo.mjs'
import { loadOrCreateKey } from '../lib/keys.mjs'
import { createNode } from '../lib/node.mjs'
import { PERF_PROTOCOL, perfHandler, perfRun } from '../lib/perf.mjs'
import { pingOn } from '../lib/ping.mjs'
import { ExactReader } from '../lib/streams.mjs'

// the helpers print events on stdout; keep the test runner's output readable
const silenced = process.stdout.write
process.stdout.write = (chunk, ...rest) => String(chunk).startsWith('{"event"') ? true : silenced.call(process.stdout, chunk, ...rest)

describe('protocols between two js nodes', () => {
  let server
  let client
  let target

  before(async () => {
    const listen = [multiaddr('/ip4/127.0.0.1/tcp/0')]
    server = await createNode({ listen, privateKey: await loadOrCreateKey() })
    client = await createNode({ listen, privateKey: await loadOrCreateKey() })
    await server.handle('/echo/1.0.0', echoHandler('/echo/1.0.0'))
    await server.handle(PERF_PROTOCOL, perfHandler)
    await server.start()
    await client.start()
    target = server.getMultiaddrs()[0]
  })

  after(async () => {
    await client?.stop()
    await server?.stop()
  })

  for (const byteCount of [0, 1, 65535, 65537, 300_001]) {
    it(`echoes ${byteCount} random bytes`, async () => {
      await echoSend(client, target, '/echo/1.0.0', { byteCount }, AbortSignal.timeout(10_000))
    })
  }

  for (const [up, down] of [[0, 0], [0, 100_003], [100_003, 0], [65_536, 200_000]]) {
    it(`perf uploads ${up} and downloads ${down} bytes`, async () => {
      const connection = await client.dial(target)
      const r = await perfRun(connection, up, down, AbortSignal.timeout(10_000))
      assert.equal(r.upload_bytes, up)
      assert.equal(r.download_bytes, down)
      assert.ok(r.upload_s > 0)
      assert.equal(r.download_gbps > 0, down > 0)
    })
  }

  it('pings five times on one stream', async () => {
    const rtts = []
    await pingOn(await client.dial(target), 5, rtt => rtts.push(rtt), AbortSignal.timeout(10_000))
    assert.equal(rtts.length, 5)
    assert.ok(rtts.every(rtt => rtt > 0))
  })
})

describe('ExactReader', () => {
  async function * chunks () {
    yield Uint8Array.of(1, 2)
    yield Uint8Array.of(3, 4, 5, 6, 7)
    yield Uint8Array.of(8)
  }

  it('splits and joins chunks into exact reads', async () => {
    const reader = new ExactReader({ [Symbol.asyncIterator]: chunks })
    assert.deepEqual([...await reader.read(3)], [1, 2, 3])
    assert.deepEqual([...await reader.read(1)], [4])
    assert.deepEqual([...await reader.read(4)], [5, 6, 7, 8])
    await assert.rejects(reader.read(1), /ended after 0 of 1 bytes/)
  })
})
