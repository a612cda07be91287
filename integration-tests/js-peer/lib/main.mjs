// Orchestration: parse options, start the node, report events, run the requested actions in
// order, and exit with 0 (all actions succeeded), 1 (fatal), 2 (usage) or 3 (an action failed).
import { setMaxListeners } from 'node:events'
import { parseArgs, UsageError, USAGE } from './args.mjs'
import { dhtService, runDhtActions } from './dht.mjs'
import { echoHandler, echoSend, ECHO_HANDLER_OPTIONS } from './echo.mjs'
import { emit, emitError } from './events.mjs'
import { gossipsubService, startGossip } from './gossip.mjs'
import { instrument } from './gossip-stats.mjs'
import { loadOrCreateKey } from './keys.mjs'
import { createNode } from './node.mjs'
import { PERF_HANDLER_OPTIONS, PERF_PROTOCOL, perfHandler, perfRun } from './perf.mjs'
import { pingOn } from './ping.mjs'
import { median, percentile } from './stats.mjs'

export const EXIT_OK = 0
export const EXIT_FATAL = 1
export const EXIT_USAGE = 2
export const EXIT_ACTION_FAILED = 3

/** How long a clean shutdown may take before the process exits anyway. */
const STOP_TIMEOUT_MS = 5_000

export async function main (argv) {
  let opts
  try {
    opts = parseArgs(argv)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    emitError('usage', err)
    process.stderr.write(`${err.message}\n${USAGE}\n`)
    process.exit(EXIT_USAGE)
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n')
    process.exit(EXIT_OK)
  }
  const privateKey = await loadOrCreateKey(opts.keyFile)
  const node = await createNode({
    listen: opts.listen,
    privateKey,
    connectionMonitor: opts.connectionMonitor,
    pubsub: opts.gossip ? gossipsubService(opts) : undefined,
    dht: opts.dht ? dhtService(opts) : undefined
  })
  const finalReports = []
  const shutdown = installShutdown(node, finalReports)
  reportNodeEvents(node)
  const pubsub = node.services.pubsub
  if (pubsub != null && opts.gossipStats) {
    const stats = instrument(pubsub)
    finalReports.push(() => emit('gossip-stats', stats.snapshot()))
  }
  for (const protocol of opts.echoProtocols) {
    await node.handle(protocol, echoHandler(protocol), ECHO_HANDLER_OPTIONS)
  }
  if (opts.perfServer) await node.handle(PERF_PROTOCOL, perfHandler, PERF_HANDLER_OPTIONS)
  await node.start()
  emit('listening', {
    peerId: node.peerId.toString(),
    addrs: node.getMultiaddrs().map(ma => ma.toString()),
    protocols: node.getProtocols()
  })

  const runner = new ActionRunner(opts.actionTimeoutMs)
  const timers = opts.registerAfter.map(({ delayMs, protocol }) =>
    runner.run('register-protocol', () => registerLater(node, delayMs, protocol)))
  let dialsDone
  const dialed = new Promise(resolve => { dialsDone = resolve })
  if (pubsub != null) timers.push(...startGossip(pubsub, opts, runner, finalReports, dialed))
  const actions = runActions(node, opts, runner, dialsDone)
    .then(() => opts.dht ? runDhtActions(node, privateKey, opts, runner) : undefined)
  const done = Promise.all([actions, ...timers])
  const exitCode = () => runner.failed ? EXIT_ACTION_FAILED : EXIT_OK

  if (opts.durationMs != null) {
    setTimeout(() => {
      if (!runner.finished) emitError('duration', new Error('duration elapsed before all actions finished'))
      shutdown(runner.finished ? exitCode() : EXIT_ACTION_FAILED, 'duration')
    }, opts.durationMs)
  }
  await done
  runner.finished = true
  if (opts.exitWhenDone) await shutdown(exitCode(), 'done')
}

/**
 * Runs --dial, --ping, --echo-send, --perf and --connect-bench, in that order; calls `dialsDone`
 * once every --dial has finished (succeeded or failed).
 */
async function runActions (node, opts, runner, dialsDone = () => {}) {
  for (const target of opts.dial) {
    await runner.run('dial', async (signal) => {
      const start = performance.now()
      const connection = await node.dial(target, { signal })
      emit('dialed', { peerId: connection.remotePeer.toString(), addr: target.toString(), ms: performance.now() - start })
    })
  }
  dialsDone()
  if (opts.ping != null) {
    await runner.run('ping', async (signal) => {
      const connection = await node.dial(opts.ping, { signal })
      const peerId = connection.remotePeer.toString()
      await pingOn(connection, opts.pingCount, rtt => emit('ping', { peerId, rtt_ms: rtt }), signal)
    })
  }
  if (opts.echoSend != null) {
    await runner.run('echo-send', async (signal) => {
      // Concurrent streams share one connection: each stream's dial reuses this one.
      await node.dial(opts.echoSend, { signal })
      await Promise.all(Array.from({ length: opts.echoStreams }, () => echoSend(node, opts.echoSend,
        opts.echoProtocols[0], { text: opts.echoData, byteCount: opts.echoBytes }, signal)))
    })
  }
  if (opts.perf != null) {
    await runner.run('perf', (signal) => perfClient(node, opts, signal), opts.actionTimeoutMs * (opts.perfRuns + opts.perfWarmup))
  }
  if (opts.connectBench != null) {
    await runner.run('connect-bench', (signal) => connectBench(node, opts.connectBench, opts.connectRuns, opts.connectWarmup, signal),
      opts.actionTimeoutMs * (opts.connectRuns + opts.connectWarmup))
  }
}

async function perfClient (node, opts, signal) {
  const connection = await node.dial(opts.perf, { signal })
  for (let run = 1; run <= opts.perfWarmup; run++) {
    await perfRun(connection, opts.perfUpload, opts.perfDownload, signal) // warm-up: not reported
  }
  const results = []
  for (let run = 1; run <= opts.perfRuns; run++) {
    const result = await perfRun(connection, opts.perfUpload, opts.perfDownload, signal)
    results.push(result)
    emit('perf', { run, peerId: connection.remotePeer.toString(), ...result })
  }
  const med = (key) => median(results.map(r => r[key]))
  emit('perf-summary', {
    runs: results.length,
    upload_bytes: opts.perfUpload,
    download_bytes: opts.perfDownload,
    upload_s: med('upload_s'),
    download_s: med('download_s'),
    upload_gbps: med('upload_gbps'),
    download_gbps: med('download_gbps')
  })
}

/** Each run: a new connection (TCP, multistream, Noise, Yamux), one ping, then close. */
async function connectBench (node, target, runs, warmup, signal) {
  for (let run = 1; run <= warmup; run++) { // warm-up: not reported
    const connection = await node.dial(target, { signal, force: true })
    await pingOn(connection, 1, () => {}, signal)
    await connection.close({ signal })
  }
  const times = []
  for (let run = 1; run <= runs; run++) {
    const start = performance.now()
    const connection = await node.dial(target, { signal, force: true })
    let rtt
    await pingOn(connection, 1, ms => { rtt = ms }, signal)
    const total = performance.now() - start
    times.push(total)
    emit('connect', { run, peerId: connection.remotePeer.toString(), handshake_plus_one_rtt_ms: total, ping_rtt_ms: rtt })
    await connection.close({ signal })
  }
  emit('connect-summary', {
    runs,
    median_ms: median(times),
    p90_ms: percentile(times, 90),
    min_ms: Math.min(...times),
    max_ms: Math.max(...times)
  })
}

async function registerLater (node, delayMs, protocol) {
  await new Promise(resolve => setTimeout(resolve, delayMs))
  await node.handle(protocol, echoHandler(protocol), ECHO_HANDLER_OPTIONS)
  emit('protocol-registered', { protocol, protocols: node.getProtocols() })
}

/** Runs actions with a timeout each, turning failures into `error` events and a failed flag. */
class ActionRunner {
  constructor (timeoutMs) {
    this.timeoutMs = timeoutMs
    this.failed = false
    this.finished = false
  }

  async run (where, action, timeoutMs = this.timeoutMs) {
    const controller = new AbortController()
    setMaxListeners(Infinity, controller.signal) // one signal serves every dial and stream of a benchmark
    const timer = setTimeout(() => controller.abort(new Error(`${where} timed out after ${timeoutMs} ms`)), timeoutMs)
    const aborted = new Promise((resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })
    })
    aborted.catch(() => {}) // it also rejects when the action has already finished: not an error
    try {
      await Promise.race([action(controller.signal), aborted])
    } catch (err) {
      this.failed = true
      emitError(where, err)
    } finally {
      clearTimeout(timer)
      controller.abort(new Error(`${where} finished`))
    }
  }
}

function reportNodeEvents (node) {
  const describe = (connection) => ({
    peerId: connection.remotePeer.toString(),
    muxer: connection.multiplexer,
    encryption: connection.encryption,
    direction: connection.direction,
    remoteAddr: connection.remoteAddr.toString(),
    connectionId: connection.id
  })
  node.addEventListener('connection:open', (evt) => emit('peer:connect', describe(evt.detail)))
  node.addEventListener('connection:close', (evt) => emit('peer:disconnect', describe(evt.detail)))
  node.addEventListener('peer:identify', (evt) => {
    const r = evt.detail
    emit('identify', {
      peerId: r.peerId.toString(),
      protocols: r.protocols,
      agentVersion: r.agentVersion,
      protocolVersion: r.protocolVersion,
      listenAddrs: r.listenAddrs.map(ma => ma.toString()),
      observedAddr: r.observedAddr?.toString(),
      connectionId: r.connection?.id
    })
  })
}

/**
 * Signal handling; returns shutdown(code, reason), which stops the node once and exits. The
 * functions in `finalReports` print their summary events first (load-summary, gossip-stats);
 * SIGHUP prints them at once and keeps running.
 */
function installShutdown (node, finalReports) {
  let stopping = false
  const report = () => {
    for (const r of finalReports) {
      try {
        r()
      } catch (err) {
        emitError('report', err)
      }
    }
  }
  process.on('SIGHUP', () => { if (!stopping) report() })
  const shutdown = async (code, reason) => {
    if (stopping) return
    stopping = true
    report()
    emit('shutdown', { code, reason })
    const forced = setTimeout(() => process.exit(code), STOP_TIMEOUT_MS)
    try {
      await node.stop()
    } catch (err) {
      emitError('stop', err)
    }
    clearTimeout(forced)
    process.exit(code)
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) process.exit(EXIT_OK) // a second signal: do not wait any longer
      shutdown(EXIT_OK, signal)
    })
  }
  process.on('unhandledRejection', (err) => emitError('unhandled-rejection', err))
  return shutdown
}
