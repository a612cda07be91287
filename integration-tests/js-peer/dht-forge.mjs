#!/usr/bin/env node
// A js-libp2p kad-dht client that puts bad /icon/ records: the "js peer with bad records" of the
// DHT interop tests (DhtBadRecordsIT). kad-dht's put does not validate our own records before
// sending them, so the real client (lookup, framing, PUT_VALUE) carries whatever we hand it; the
// server must refuse. Independent of peer.mjs on purpose (that file is the general interop peer).
//
//   node dht-forge.mjs --bootstrap MULTIADDR
//
// It dials the address, waits for a routing-table entry, then puts one record of each kind under
// /icon/<our id>/<kind>: bad-signature (a signature byte flipped), wrong-owner (signed by another
// key), garbage (not an IconRecord), expired, oversized (a 20 KiB value, properly signed), and
// last a valid control record under /icon/<our id>/control. Events (JSON lines, as peer.mjs):
// listening {peerId, addrs}, put {kind, key, peers (acknowledgements)}, done, error; then it exits.
import './lib/polyfill.mjs'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import { emit, emitError } from './lib/events.mjs'

const TIMEOUT_MS = 60_000
const utf8 = new TextEncoder()
const text = new TextDecoder()

async function main (argv) {
  if (argv.length !== 2 || argv[0] !== '--bootstrap') throw new Error('usage: node dht-forge.mjs --bootstrap MULTIADDR')
  const { createNode } = await import('./lib/node.mjs')
  const { awaitRoutingTablePeer, dhtService } = await import('./lib/dht.mjs')
  const { decode, encode, iconKey, signIconRecord } = await import('./lib/icon-record.mjs')
  const privateKey = await generateKeyPair('Ed25519')
  const node = await createNode({ listen: [multiaddr('/ip4/127.0.0.1/tcp/0')], privateKey, dht: dhtService({ dhtServer: false }) })
  await node.start()
  emit('listening', { peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String) })
  const signal = AbortSignal.timeout(TIMEOUT_MS)
  await node.dial(multiaddr(argv[1]), { signal })
  const dht = node.services.dht
  await awaitRoutingTablePeer(dht, signal)
  const now = BigInt(Date.now())
  const hour = 3_600_000n
  const sign = (name, value, expiry = now + hour, key = privateKey) => signIconRecord(key, name, utf8.encode(value), 1n, expiry)
  const flip = (record) => {
    const r = decode(record)
    const signature = Uint8Array.from(r.signature)
    signature[0] ^= 0xff
    return encode({ ...r, signature })
  }
  const other = await generateKeyPair('Ed25519')
  const otherRecord = decode(await sign('wrong-owner', 'x', now + hour, other))
  const forged = {
    'bad-signature': flip(await sign('bad-signature', 'x')),
    // signed by `other` over `other`'s key: under our key neither owner nor signature match
    'wrong-owner': encode(otherRecord),
    garbage: Uint8Array.from([0xff, 0xff, 0xff, 0xff]),
    expired: await sign('expired', 'x', now - hour),
    oversized: await sign('oversized', 'x'.repeat(20 * 1024)),
    control: await sign('control', 'valid')
  }
  for (const [kind, record] of Object.entries(forged)) {
    const key = iconKey(node.peerId, kind)
    let peers = 0
    for await (const event of dht.put(key, record, { signal })) {
      if (event.name === 'PEER_RESPONSE' && event.messageName === 'PUT_VALUE') peers++
    }
    emit('put', { kind, key: text.decode(key), peers })
  }
  emit('done')
  await node.stop()
}

try {
  await main(process.argv.slice(2))
  process.exit(0)
} catch (err) {
  emitError('fatal', err)
  process.stderr.write(`${err?.stack ?? err}\n`)
  process.exit(1)
}
