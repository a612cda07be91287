// ICON's /icon/<peer id>/<name> DHT records, the same format as the Java side (proto
// libp2p/kad.proto `IconRecord`, dev.icon.overlay.kad.IconRecords and IconRecordValidator): an
// IconRecord protobuf signed by the peer named in the key. Used as kad-dht's validator and
// selector for the `icon` namespace, and to sign our own records for --put.
import { publicKeyFromProtobuf, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPublicKey, peerIdFromString } from '@libp2p/peer-id'

export const NAMESPACE = 'icon'
export const MAX_NAME_LENGTH = 256
const PREFIX = `/${NAMESPACE}/`
const SIGNING_PREFIX = new TextEncoder().encode('icon-dht-record/1:')
const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The key `/icon/<peerId>/<name>` as bytes; throws on a name Java would refuse. */
export function iconKey (peerId, name) {
  checkName(name)
  return utf8.encode(`${PREFIX}${peerId.toString()}/${name}`)
}

function checkName (name) {
  const length = utf8.encode(name).length
  if (length === 0 || length > MAX_NAME_LENGTH) throw new Error(`record name must have 1..${MAX_NAME_LENGTH} UTF-8 bytes, has ${length}`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) throw new Error('record name contains control characters')
}

/** The owner (a PeerId) named in an /icon/ key; throws if the key does not have that layout. */
export function ownerOf (key) {
  let text
  try {
    text = strictUtf8.decode(key)
  } catch {
    throw new Error('/icon/ key is not UTF-8')
  }
  if (!text.startsWith(PREFIX)) throw new Error('not an /icon/ key')
  const slash = text.indexOf('/', PREFIX.length)
  if (slash < 0) throw new Error('/icon/ key lacks /<name> after the peer id')
  checkName(text.slice(slash + 1))
  try {
    return peerIdFromString(text.slice(PREFIX.length, slash))
  } catch (err) {
    throw new Error(`bad peer id in /icon/ key: ${err.message}`)
  }
}

/** Java's IconRecords.signingBytes: prefix, u32 length + key, u32 length + value, u64 seq, u64 expiry. */
function signingBytes (key, value, sequence, expiresAtMillis) {
  const out = new Uint8Array(SIGNING_PREFIX.length + 4 + key.length + 4 + value.length + 16)
  const view = new DataView(out.buffer)
  let at = 0
  out.set(SIGNING_PREFIX, at); at += SIGNING_PREFIX.length
  view.setUint32(at, key.length); at += 4
  out.set(key, at); at += key.length
  view.setUint32(at, value.length); at += 4
  out.set(value, at); at += value.length
  view.setBigUint64(at, BigInt.asUintN(64, sequence)); at += 8
  view.setBigUint64(at, BigInt.asUintN(64, expiresAtMillis))
  return out
}

/** A signed record value for `/icon/<our id>/<name>` (sequence and expiry are BigInts). */
export async function signIconRecord (privateKey, name, value, sequence, expiresAtMillis) {
  const key = iconKey(peerIdFromPublicKey(privateKey.publicKey), name)
  const signature = await privateKey.sign(signingBytes(key, value, sequence, expiresAtMillis))
  return encode({ publicKey: publicKeyToProtobuf(privateKey.publicKey), value, sequence, expiresAtMillis, signature })
}

/** kad-dht validator for the `icon` namespace: throws with a reason unless the record is valid. */
export async function validateIconRecord (key, value, now = Date.now()) {
  const owner = ownerOf(key)
  const record = decode(value)
  let publicKey
  try {
    publicKey = publicKeyFromProtobuf(record.publicKey)
  } catch (err) {
    throw new Error(`bad public key: ${err.message}`)
  }
  if (!peerIdFromPublicKey(publicKey).equals(owner)) {
    throw new Error(`record signed by ${publicKey.toString()} under the key of ${owner.toString()}`)
  }
  const ok = await publicKey.verify(signingBytes(key, record.value, record.sequence, record.expiresAtMillis), record.signature)
  if (!ok) throw new Error('record signature does not verify')
  if (record.expiresAtMillis <= BigInt(now)) throw new Error(`record expired at ${record.expiresAtMillis} ms`)
}

/** kad-dht selector: highest sequence, then latest expiry, then lowest index (as in Java). */
export function selectIconRecord (key, values) {
  let best = 0
  let bestRecord = decode(values[0])
  for (let i = 1; i < values.length; i++) {
    const r = decode(values[i])
    if (r.sequence > bestRecord.sequence || (r.sequence === bestRecord.sequence && r.expiresAtMillis > bestRecord.expiresAtMillis)) {
      best = i
      bestRecord = r
    }
  }
  return best
}

/** The application value inside an encoded IconRecord. */
export function iconRecordValue (bytes) {
  return decode(bytes).value
}

// IconRecord { bytes publicKey = 1; bytes value = 2; uint64 sequence = 3; uint64 expiresAtMillis = 4; bytes signature = 5; }
const FIELDS = { 1: ['publicKey', 'bytes'], 2: ['value', 'bytes'], 3: ['sequence', 'varint'], 4: ['expiresAtMillis', 'varint'], 5: ['signature', 'bytes'] }

export function encode (record) {
  const parts = []
  for (const [number, [name, type]] of Object.entries(FIELDS)) {
    const v = record[name]
    if (type === 'varint') {
      if (v === 0n) continue
      parts.push(varint(BigInt(number) << 3n), varint(v))
    } else {
      if (v.length === 0) continue
      parts.push(varint((BigInt(number) << 3n) | 2n), varint(BigInt(v.length)), v)
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.length }
  return out
}

export function decode (bytes) {
  const record = { publicKey: new Uint8Array(0), value: new Uint8Array(0), sequence: 0n, expiresAtMillis: 0n, signature: new Uint8Array(0) }
  const reader = { bytes, at: 0 }
  while (reader.at < bytes.length) {
    const tag = readVarint(reader)
    const number = Number(tag >> 3n)
    const wire = Number(tag & 7n)
    const field = FIELDS[number]
    if (wire === 0) {
      const v = readVarint(reader)
      if (field?.[1] === 'varint') record[field[0]] = v
    } else if (wire === 2) {
      const length = Number(readVarint(reader))
      if (reader.at + length > bytes.length) throw new Error('undecodable IconRecord: truncated field')
      const v = bytes.subarray(reader.at, reader.at + length)
      reader.at += length
      if (field?.[1] === 'bytes') record[field[0]] = v
    } else if (wire === 1) {
      reader.at += 8
    } else if (wire === 5) {
      reader.at += 4
    } else {
      throw new Error(`undecodable IconRecord: wire type ${wire}`)
    }
    if (field != null && (field[1] === 'varint') !== (wire === 0)) throw new Error(`undecodable IconRecord: field ${number} has wire type ${wire}`)
  }
  if (reader.at > bytes.length) throw new Error('undecodable IconRecord: truncated')
  return record
}

function varint (v) {
  const out = []
  let n = BigInt.asUintN(64, v)
  do {
    let b = Number(n & 0x7fn)
    n >>= 7n
    if (n > 0n) b |= 0x80
    out.push(b)
  } while (n > 0n)
  return Uint8Array.from(out)
}

function readVarint (reader) {
  let v = 0n
  for (let shift = 0n; shift < 70n; shift += 7n) {
    if (reader.at >= reader.bytes.length) throw new Error('undecodable IconRecord: truncated varint')
    const b = reader.bytes[reader.at++]
    v |= BigInt(b & 0x7f) << shift
    if ((b & 0x80) === 0) return BigInt.asUintN(64, v)
  }
  throw new Error('undecodable IconRecord: varint too long')
}
