import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { parseArgs, UsageError } from '../lib/args.mjs'
import { providerCid, putName, recordKey } from '../lib/dht.mjs'
import { decode, encode, iconKey, iconRecordValue, selectIconRecord, signIconRecord, validateIconRecord } from '../lib/icon-record.mjs'

const hex = (bytes) => Buffer.from(bytes).toString('hex')
const utf8 = (s) => new TextEncoder().encode(s)
const HOUR = 3_600_000n

describe('IconRecord (the Java IconRecords format)', () => {
  it('signs a record that validates, and the value comes back out', async () => {
    const key = await generateKeyPair('Ed25519')
    const id = peerIdFromPrivateKey(key)
    const now = BigInt(Date.now())
    const record = await signIconRecord(key, 'greeting', utf8('hello'), 7n, now + HOUR)
    await validateIconRecord(iconKey(id, 'greeting'), record)
    assert.equal(new TextDecoder().decode(iconRecordValue(record)), 'hello')
    assert.equal(decode(record).sequence, 7n)
  })

  it('rejects a changed value, another owner, another name and an expired record', async () => {
    const key = await generateKeyPair('Ed25519')
    const other = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
    const id = peerIdFromPrivateKey(key)
    const now = BigInt(Date.now())
    const record = await signIconRecord(key, 'n', utf8('v'), 1n, now + HOUR)
    const tampered = encode({ ...decode(record), value: utf8('w') })
    await assert.rejects(validateIconRecord(iconKey(id, 'n'), tampered), /signature does not verify/)
    await assert.rejects(validateIconRecord(iconKey(other, 'n'), record), /signed by/)
    await assert.rejects(validateIconRecord(iconKey(id, 'm'), record), /signature does not verify/)
    const expired = await signIconRecord(key, 'n', utf8('v'), 1n, now - 1n)
    await assert.rejects(validateIconRecord(iconKey(id, 'n'), expired), /expired/)
    await assert.rejects(validateIconRecord(iconKey(id, 'n'), Uint8Array.from([0x0a, 0x05, 1])), /undecodable/)
    await assert.rejects(validateIconRecord(utf8('/icon/not-a-peer/n'), record), /bad peer id/)
  })

  it('selects the highest sequence, then the latest expiry', async () => {
    const key = await generateKeyPair('Ed25519')
    const now = BigInt(Date.now())
    const r = (seq, exp) => signIconRecord(key, 'n', utf8('v'), seq, now + exp)
    const values = await Promise.all([r(1n, 2n * HOUR), r(3n, HOUR), r(3n, 2n * HOUR), r(2n, 3n * HOUR)])
    assert.equal(selectIconRecord(undefined, values), 2)
  })
})

describe('DHT key text (the same mapping as ./icon peer)', () => {
  it('hashes plain text to a sha2-256 multihash and keeps a CID\'s multihash', async () => {
    const hashed = await providerCid('hello')
    assert.equal(hex(hashed.multihash.bytes), '12202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824')
    const v0 = await providerCid('QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG')
    assert.equal(v0.version, 0)
    const v1 = await providerCid(hashed.toString())
    assert.equal(hex(v1.multihash.bytes), hex(hashed.multihash.bytes))
  })

  it('maps record keys and --put names', () => {
    const id = '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'
    assert.equal(new TextDecoder().decode(recordKey(`/icon/${id}/a/b`)), `/icon/${id}/a/b`)
    assert.equal(hex(recordKey(`/pk/${id}`).subarray(0, 4)), hex(utf8('/pk/')))
    assert.equal(putName('name', id), 'name')
    assert.equal(putName(`/icon/${id}/x`, id), 'x')
    assert.throws(() => putName('/icon/12D3KooWOther/x', id), /only signs our own/)
  })

  it('parses the DHT options; an action without --dht means client mode', () => {
    const o = parseArgs(['--put', 'k=v=w', '--get', '/icon/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA/k'])
    assert.equal(o.dht, true)
    assert.equal(o.dhtServer, false)
    assert.deepEqual(o.put, [{ key: 'k', value: 'v=w' }])
    assert.equal(parseArgs(['--dht']).dhtServer, true)
    assert.equal(parseArgs([]).dht, false)
    assert.throws(() => parseArgs(['--get', 'plain']), UsageError)
    assert.throws(() => parseArgs(['--find-peer', 'nope']), UsageError)
    assert.throws(() => parseArgs(['--put', '=v']), UsageError)
  })
})
