// The peer's identity: a libp2p PrivateKey protobuf file, the same format the Java side reads
// (KeyFiles.loadOrCreate), so one key file gives the same peer id to either implementation.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'

/** Loads the key at `path`, or creates an Ed25519 key there (mode 0600); no path: a fresh key. */
export async function loadOrCreateKey (path) {
  if (path == null) return generateKeyPair('Ed25519')
  let bytes
  try {
    bytes = await readFile(path)
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
    const key = await generateKeyPair('Ed25519')
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, privateKeyToProtobuf(key), { mode: 0o600, flag: 'wx' })
    return key
  }
  return privateKeyFromProtobuf(bytes)
}
