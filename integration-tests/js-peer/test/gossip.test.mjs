// gossip settings, the load payload and summary, control-message counting, and a message between
// two in-process js nodes.
import '../lib/polyfill.mjs'
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { meshDegrees, msgIdFromSeqno, seqnoHex, gossipsubService } from '../lib/gossip.mjs'
import { GossipStats, instrument } from '../lib/gossip-stats.mjs'
import { decodePayload, encodePayload, LoadReceiver, WARMUP_FLAG } from '../lib/load.mjs'
import { loadOrCreateKey } from '../lib/keys.mjs'
import { createNode } from '../lib/node.mjs'

describe('meshDegrees', () => {
  const cases = [
    // n, D, Dlo, Dhi, Dscore, Dout
    [1, 1, 1, 2, 1, 0],
    [2, 2, 2, 4, 2, 1],
    [3, 3, 2, 6, 2, 1],
    [6, 6, 4, 12, 4, 2], // the spec defaults
    [8, 8, 6, 16, 4, 2]
  ]
  for (const [n, D, Dlo, Dhi, Dscore, Dout] of cases) {
    it(`derives the degrees for --gossip-d ${n}`, () => {
      assert.deepEqual(meshDegrees(n), { D, Dlo, Dhi, Dscore, Dout })
    })
  }
})

describe('load payload', () => {
  it('puts the sequence number and send time big-endian in the first 16 bytes, zeros after', () => {
    const bytes = encodePayload(258, 0x0102030405060708n, 20)
    assert.deepEqual([...bytes], [0, 0, 0, 0, 0, 0, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0])
    assert.deepEqual(decodePayload(bytes), { seq: 258n, sentMicros: 0x0102030405060708n })
  })

  it('refuses payloads shorter than the header', () => {
    assert.throws(() => encodePayload(1, 1n, 15), RangeError)
    assert.equal(decodePayload(new Uint8Array(15)), undefined)
  })
})

describe('LoadReceiver', () => {
  it('counts duplicates in received but not in unique, and summarises latencies', () => {
    const r = new LoadReceiver('t')
    for (let seq = 0; seq < 100; seq++) r.record('A', encodePayload(seq, 1_000_000n, 16), 1_000_000n + BigInt((seq + 1) * 1000))
    r.record('A', encodePayload(5, 1_000_000n, 16), 9_000_000n) // duplicate: no latency sample
    r.record('B', encodePayload(5, 1_000_000n, 16), 1_000_500n) // same seq, other sender: unique
    const { by_author: byAuthor, ...all } = r.summary()
    assert.deepEqual(all, { topic: 't', received: 102, unique: 101, lat_ms_p50: 50, lat_ms_p99: 99, lat_ms_max: 100, warmup: 0 })
    assert.deepEqual(Object.keys(byAuthor), ['A', 'B'])
    assert.deepEqual(byAuthor.B, { received: 1, unique: 1, lat_ms_p50: 0.5, lat_ms_p99: 0.5, lat_ms_max: 0.5, warmup: 0 })
    assert.equal(byAuthor.A.received, 101)
    assert.equal(byAuthor.A.unique, 100)
  })

  it('reports null latencies when nothing arrived', () => {
    assert.deepEqual(new LoadReceiver('t').summary(),
      { topic: 't', received: 0, unique: 0, lat_ms_p50: null, lat_ms_p99: null, lat_ms_max: null, warmup: 0, by_author: {} })
  })
})

describe('LoadReceiver warm-up', () => {
  it('leaves flagged warm-up messages out of received, unique and latencies, and counts them', () => {
    const r = new LoadReceiver('t')
    r.record('a', encodePayload(WARMUP_FLAG | 0n, 0n, 16), 900_000n)
    r.record('a', encodePayload(WARMUP_FLAG | 1n, 0n, 16), 900_000n)
    r.record('a', encodePayload(0n, 1000n, 16), 3000n)
    assert.deepEqual(r.summary(), {
      topic: 't',
      received: 1,
      unique: 1,
      lat_ms_p50: 2,
      lat_ms_p99: 2,
      lat_ms_max: 2,
      warmup: 2,
      by_author: { a: { received: 1, unique: 1, lat_ms_p50: 2, lat_ms_p99: 2, lat_ms_max: 2, warmup: 2 } }
    })
  })
})

describe('GossipStats', () => {
  it('counts control entries and the ids in IHAVE and IWANT per peer and in total', () => {
    const s = new GossipStats()
    s.count('P', { control: { ihave: [{ topicID: 't', messageIDs: [new Uint8Array(1), new Uint8Array(1)] }], graft: [{ topicID: 't' }] } }, 'sent')
    s.count('P', { control: { iwant: [{ messageIDs: [new Uint8Array(1)] }], prune: [{ topicID: 't' }] } }, 'received')
    s.count('Q', { messages: [] }, 'received') // no control: not even listed
    const { peers, total } = s.snapshot()
    assert.deepEqual(Object.keys(peers), ['P'])
    assert.equal(peers.P.ihave_sent, 1)
    assert.equal(peers.P.ihave_ids_sent, 2)
    assert.equal(peers.P.graft_sent, 1)
    assert.equal(peers.P.iwant_received, 1)
    assert.equal(peers.P.iwant_ids_received, 1)
    assert.equal(peers.P.prune_received, 1)
    assert.equal(total.ihave_received, 0)
    assert.equal(total.graft_sent, 1)
  })
})

describe('message ids', () => {
  it('from-seqno is the author multihash followed by the 8-byte seqno', () => {
    const from = peerIdFromString('12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA')
    const id = msgIdFromSeqno({ type: 'signed', from, sequenceNumber: 0x0102n })
    const mh = from.toMultihash().bytes
    assert.deepEqual([...id.slice(0, mh.length)], [...mh])
    assert.deepEqual([...id.slice(mh.length)], [0, 0, 0, 0, 0, 0, 1, 2])
    assert.equal(seqnoHex(0x0102n), '0000000000000102')
  })
})

describe('gossipsub between two js nodes', () => {
  let a
  let b
  let statsA

  before(async () => {
    const listen = [multiaddr('/ip4/127.0.0.1/tcp/0')]
    const opts = { floodPublish: true, allowPublishToZeroPeers: false, msgId: 'pubkey-seqno', gossipD: 3 }
    a = await createNode({ listen, privateKey: await loadOrCreateKey(), pubsub: gossipsubService(opts) })
    b = await createNode({ listen, privateKey: await loadOrCreateKey(), pubsub: gossipsubService(opts) })
    statsA = instrument(a.services.pubsub)
    await a.start()
    await b.start()
  })

  after(async () => {
    await b?.stop()
    await a?.stop()
  })

  it('delivers a published message and counts the GRAFTs of the mesh', { timeout: 20_000 }, async () => {
    const received = new Promise(resolve => b.services.pubsub.addEventListener('message', (evt) => resolve(evt.detail)))
    a.services.pubsub.subscribe('t')
    b.services.pubsub.subscribe('t')
    await a.dial(b.getMultiaddrs()[0])
    const bId = b.peerId.toString()
    while (!a.services.pubsub.getMeshPeers('t').includes(bId)) await new Promise(resolve => setTimeout(resolve, 50))
    const result = await a.services.pubsub.publish('t', new TextEncoder().encode('hi'))
    assert.equal(result.recipients.length, 1)
    const msg = await received
    assert.equal(new TextDecoder().decode(msg.data), 'hi')
    assert.ok(statsA.snapshot().peers[bId].graft_sent + statsA.snapshot().peers[bId].graft_received >= 1)
  })
})
