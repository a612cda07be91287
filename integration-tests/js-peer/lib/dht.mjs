// Kademlia DHT for peer.mjs (@libp2p/kad-dht on /ipfs/kad/1.0.0): the service's settings, and the
// --bootstrap, --put, --provide, --get, --find-providers and --find-peer actions with their
// dht:* events. Keys are read from text exactly as `./icon peer` reads them (see README.md):
//   record keys   /icon/<peer id>/<name> (a bare NAME means /icon/<our id>/<NAME> for --put),
//                 /pk/<peer id> (get only)
//   provider keys a CID (CIDv0 Qm..., or CIDv1 in base32 b...) stands for its multihash; any other
//                 text for the sha2-256 multihash of its UTF-8 bytes (wrapped in a CIDv1 raw)
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { peerIdFromString } from '@libp2p/peer-id'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { emit } from './events.mjs'
import { iconKey, iconRecordValue, NAMESPACE, selectIconRecord, signIconRecord, validateIconRecord } from './icon-record.mjs'

export const DHT_PROTOCOL = '/ipfs/kad/1.0.0'
/** How long records put by --put stay valid (the same as the Java peer). */
export const PUT_TTL_MS = 24 * 60 * 60 * 1000
const RAW_CODEC = 0x55
const utf8 = new TextEncoder()
const text = new TextDecoder()

/** The kad-dht service factory: server mode with --dht, client mode otherwise. */
export function dhtService (opts) {
  return kadDHT({
    protocol: DHT_PROTOCOL, // the public DHT's protocol (not the /lan/ variant), which ICON speaks
    clientMode: !opts.dhtServer, // explicit: no automatic switch on address publicness
    peerInfoMapper: passthroughMapper, // tests run on 127.0.0.1: keep private and loopback addresses
    validators: { [NAMESPACE]: (key, value) => validateIconRecord(key, value) }, // pk: the default
    selectors: { [NAMESPACE]: selectIconRecord }
  })
}

/** The DHT record key for `--get` text: /icon/<peer>/<name> or /pk/<peer id>. */
export function recordKey (keyText) {
  if (keyText.startsWith('/pk/')) {
    const peer = peerIdFromString(keyText.slice(4))
    const mh = peer.toMultihash().bytes
    const key = new Uint8Array(4 + mh.length)
    key.set(utf8.encode('/pk/'))
    key.set(mh, 4)
    return key
  }
  if (keyText.startsWith(`/${NAMESPACE}/`)) return utf8.encode(keyText)
  throw new Error(`record keys are /icon/<peer id>/<name> or /pk/<peer id>: ${keyText}`)
}

/** The provider key (a CID; its multihash goes on the wire) for `--provide`/`--find-providers` text. */
export async function providerCid (keyText) {
  if (/^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]+)$/.test(keyText)) {
    try {
      return CID.parse(keyText)
    } catch {
      // not a CID after all: hashed below
    }
  }
  return CID.createV1(RAW_CODEC, await sha256.digest(utf8.encode(keyText)))
}

/** `--put` text KEY (a NAME, or /icon/<our id>/<NAME>) to the record name; throws for other keys. */
export function putName (keyText, selfId) {
  if (!keyText.startsWith('/')) return keyText
  const own = `/${NAMESPACE}/${selfId}/`
  if (!keyText.startsWith(own)) throw new Error(`--put only signs our own records, /icon/${selfId}/<name>: ${keyText}`)
  return keyText.slice(own.length)
}

/** Runs the DHT actions in order through `runner` (see main.mjs); `privateKey` signs --put records. */
export async function runDhtActions (node, privateKey, opts, runner) {
  const dht = node.services.dht
  if (opts.bootstrap.length > 0) {
    await runner.run('dht-bootstrap', (signal) => bootstrap(node, dht, opts.bootstrap, signal))
  }
  for (const { key, value } of opts.put) {
    await runner.run('dht-put', (signal) => put(node, dht, privateKey, key, value, signal))
  }
  for (const key of opts.provide) {
    await runner.run('dht-provide', (signal) => provide(dht, key, signal))
  }
  for (const key of opts.get) {
    await runner.run('dht-get', (signal) => get(dht, key, signal))
  }
  for (const key of opts.findProviders) {
    await runner.run('dht-find-providers', (signal) => findProviders(dht, key, signal))
  }
  for (const id of opts.findPeer) {
    await runner.run('dht-find-peer', (signal) => findPeer(node, dht, id, signal))
  }
}

/** Dials every address, then waits until the routing table holds a peer (kad-dht adds on identify). */
async function bootstrap (node, dht, addrs, signal) {
  const results = await Promise.allSettled(addrs.map(a => node.dial(a, { signal })))
  const dialed = results.filter(r => r.status === 'fulfilled').length
  if (dialed === 0) throw new Error(`DHT bootstrap: none of ${addrs.length} addresses could be dialled: ${results[0].reason?.message}`)
  await awaitRoutingTablePeer(dht, signal)
  emit('dht:bootstrapped', { routingTable: dht.routingTable.size })
}

/** Resolves once the routing table holds a peer (its `peer:add` event), rejects when `signal` aborts. */
export async function awaitRoutingTablePeer (dht, signal) {
  if (dht.routingTable.size > 0) return
  const table = dht.routingTable
  await new Promise((resolve, reject) => {
    const done = (settle) => () => {
      table.removeEventListener('peer:add', onAdd)
      signal.removeEventListener('abort', onAbort)
      settle()
    }
    const onAdd = done(resolve)
    const onAbort = done(() => reject(signal.reason))
    table.addEventListener('peer:add', onAdd)
    signal.addEventListener('abort', onAbort, { once: true })
    if (table.size > 0) onAdd() // added between the check above and the listener
  })
}

async function put (node, dht, privateKey, keyText, valueText, signal) {
  const name = putName(keyText, node.peerId.toString())
  const key = iconKey(node.peerId, name)
  const now = Date.now()
  const record = await signIconRecord(privateKey, name, utf8.encode(valueText),
    BigInt(now), BigInt(now + PUT_TTL_MS))
  let peers = 0
  for await (const event of dht.put(key, record, { signal })) {
    if (event.name === 'PEER_RESPONSE' && event.messageName === 'PUT_VALUE') peers++
  }
  emit('dht:put', { key: text.decode(key), ok: peers > 0, peers })
  if (peers === 0) throw new Error('no peer stored the record')
}

async function provide (dht, keyText, signal) {
  const cid = await providerCid(keyText)
  let peers = 0
  for await (const event of dht.provide(cid, { signal })) {
    if (event.name === 'PEER_RESPONSE' && event.messageName === 'ADD_PROVIDER') peers++
  }
  emit('dht:provide', { key: keyText, ok: true, peers })
}

async function get (dht, keyText, signal) {
  const key = recordKey(keyText)
  let value
  for await (const event of dht.get(key, { signal })) {
    if (event.name === 'VALUE') value = event.value
  }
  if (value == null) throw new Error(`no record found for ${keyText}`)
  emit('dht:value', {
    key: keyText,
    value: keyText.startsWith('/pk/') ? Buffer.from(value).toString('base64') : text.decode(iconRecordValue(value))
  })
}

async function findProviders (dht, keyText, signal) {
  const cid = await providerCid(keyText)
  const found = new Map()
  for await (const event of dht.findProviders(cid, { signal })) {
    if (event.name !== 'PROVIDER') continue
    for (const p of event.providers) {
      const addrs = found.get(p.id.toString()) ?? new Set()
      p.multiaddrs.forEach(ma => addrs.add(ma.toString()))
      found.set(p.id.toString(), addrs)
    }
  }
  emit('dht:providers', {
    key: keyText,
    providers: [...found].map(([peerId, addrs]) => ({ peerId, addrs: [...addrs] }))
  })
}

/**
 * hops as the Java peer counts them: 0 when our routing table or peer store already held the peer,
 * else 1 + the hops of the peer whose response named it (peers we started from count 0).
 */
async function findPeer (node, dht, idText, signal) {
  const target = peerIdFromString(idText)
  const depth = new Map()
  for await (const event of dht.findPeer(target, { signal })) {
    if (event.name === 'PEER_RESPONSE') {
      const d = depth.get(event.from.toString()) ?? 0
      for (const p of event.closer) {
        if (!depth.has(p.id.toString())) depth.set(p.id.toString(), d + 1)
      }
    } else if (event.name === 'FINAL_PEER' && event.peer.id.equals(target)) {
      const hops = event.from.equals(node.peerId) ? 0 : (depth.get(event.from.toString()) ?? 0) + 1
      emit('dht:found-peer', { peerId: idText, addrs: event.peer.multiaddrs.map(ma => ma.toString()), hops })
      return
    }
  }
  throw new Error(`peer ${idText} not found`)
}
