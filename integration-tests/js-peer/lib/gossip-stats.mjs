// Control-message counts per remote peer, for the `gossip-stats` event: proof that IHAVE, IWANT,
// GRAFT and PRUNE flow between implementations.
//
// How: @libp2p/gossipsub 17.1.1 routes every decoded inbound RPC through the instance method
// `handleReceivedRpc(from, rpc)` and every outbound RPC with control messages through
// `sendRpc(id, rpc)` (publish batches via `sendRpcInBatch` carry only messages and IDONTWANT).
// Both are called as `this.x(...)`, so wrapping them on the instance sees every RPC. Its
// Prometheus-style metrics are not per peer, hence the wrappers. We count control entries (one
// IHAVE entry per topic, one IWANT entry per request, one GRAFT/PRUNE per topic) and, for IHAVE
// and IWANT, the message ids they carry. Outbound RPCs are counted after `sendRpc` has
// piggybacked pending control messages and only when it reports them sent. Inbound RPCs are
// counted before gossipsub's graylist check (what arrived, not what was accepted).
const KINDS = ['ihave', 'iwant', 'graft', 'prune']

function blank () {
  const c = {}
  for (const k of KINDS) {
    c[`${k}_sent`] = 0
    c[`${k}_received`] = 0
  }
  c.ihave_ids_sent = 0
  c.ihave_ids_received = 0
  c.iwant_ids_sent = 0
  c.iwant_ids_received = 0
  return c
}

/** Per-peer counters, filled by instrument(); snapshot() gives the `gossip-stats` fields. */
export class GossipStats {
  constructor () {
    this.peers = new Map()
  }

  /** Adds the control messages of `rpc` sent to (`direction` 'sent') or from ('received') `peer`. */
  count (peer, rpc, direction) {
    const control = rpc?.control
    if (control == null) return
    let c = this.peers.get(peer)
    if (c == null) {
      c = blank()
      this.peers.set(peer, c)
    }
    for (const k of KINDS) c[`${k}_${direction}`] += control[k]?.length ?? 0
    for (const ihave of control.ihave ?? []) c[`ihave_ids_${direction}`] += ihave.messageIDs?.length ?? 0
    for (const iwant of control.iwant ?? []) c[`iwant_ids_${direction}`] += iwant.messageIDs?.length ?? 0
  }

  /** { peers: { <peerId>: counts }, total: counts }. */
  snapshot () {
    const total = blank()
    const peers = {}
    for (const [peer, c] of this.peers) {
      peers[peer] = { ...c }
      for (const k of Object.keys(total)) total[k] += c[k]
    }
    return { peers, total }
  }
}

/** Wraps the RPC entry points of a started-or-not gossipsub instance; returns its GossipStats. */
export function instrument (pubsub) {
  const stats = new GossipStats()
  const receive = pubsub.handleReceivedRpc
  const send = pubsub.sendRpc
  if (typeof receive !== 'function' || typeof send !== 'function') {
    throw new Error('gossipsub has no handleReceivedRpc/sendRpc to count control messages (version changed?)')
  }
  pubsub.handleReceivedRpc = function (from, rpc) {
    stats.count(from.toString(), rpc, 'received')
    return receive.call(this, from, rpc)
  }
  pubsub.sendRpc = function (id, rpc) {
    const sent = send.call(this, id, rpc)
    if (sent) stats.count(id.toString(), rpc, 'sent')
    return sent
  }
  return stats
}
