import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseArgs, UsageError } from '../lib/args.mjs'

const A = '/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'
const B = '/ip4/127.0.0.1/tcp/4002'

describe('parseArgs', () => {
  it('defaults to one loopback listen address and no actions', () => {
    const o = parseArgs([])
    assert.deepEqual(o.listen.map(String), ['/ip4/127.0.0.1/tcp/0'])
    assert.deepEqual(o.dial, [])
    assert.equal(o.pingCount, 1)
    assert.equal(o.exitWhenDone, false)
    assert.equal(o.actionTimeoutMs, 60_000)
  })

  it('takes several values after a list option and repeats of it', () => {
    const o = parseArgs(['--dial', A, B, '--echo-protocol', '/a/1', '--dial', B, '--echo-protocol', '/b/1'])
    assert.deepEqual(o.dial.map(String), [A, B, B])
    assert.deepEqual(o.echoProtocols, ['/a/1', '/b/1'])
  })

  it('parses byte counts with binary suffixes', () => {
    const o = parseArgs(['--perf', A, '--perf-upload', '4MiB', '--perf-download', '123', '--perf-runs', '3'])
    assert.equal(o.perfUpload, 4 * 1024 * 1024)
    assert.equal(o.perfDownload, 123)
    assert.equal(o.perfRuns, 3)
  })

  it('reads --register-protocol-after as a delay and a protocol, repeatable', () => {
    const o = parseArgs(['--register-protocol-after', '250', '/x/1', '--register-protocol-after', '0', '/y/1'])
    assert.deepEqual(o.registerAfter, [{ delayMs: 250, protocol: '/x/1' }, { delayMs: 0, protocol: '/y/1' }])
  })

  it('converts --duration seconds to milliseconds', () => {
    assert.equal(parseArgs(['--duration', '1.5']).durationMs, 1500)
  })

  it('reads gossip options, splitting --publish at the first =', () => {
    const o = parseArgs(['--subscribe', 'a', 'b', '--publish', 'a=x=1', 'b=', '--publish-delay', '0',
      '--gossip-d', '3', '--flood-publish', 'false', '--allow-publish-to-zero-peers', '--msg-id', 'from-seqno', '--gossip-stats'])
    assert.equal(o.gossip, true)
    assert.deepEqual(o.subscribe, ['a', 'b'])
    assert.deepEqual(o.publish, [{ topic: 'a', text: 'x=1' }, { topic: 'b', text: '' }])
    assert.equal(o.publishDelayMs, 0)
    assert.equal(o.gossipD, 3)
    assert.equal(o.floodPublish, false)
    assert.equal(o.allowPublishToZeroPeers, true)
    assert.equal(o.msgId, 'from-seqno')
    assert.equal(o.gossipStats, true)
  })

  it('keeps js-libp2p\'s connection monitor on unless --connection-monitor false', () => {
    assert.equal(parseArgs([]).connectionMonitor, true)
    assert.equal(parseArgs(['--connection-monitor', 'false']).connectionMonitor, false)
    assert.throws(() => parseArgs(['--connection-monitor', 'off']), /true or false/)
  })

  it('leaves gossipsub off without gossip options and defaults the load settings', () => {
    assert.equal(parseArgs([]).gossip, false)
    const o = parseArgs(['--load-publish', 't', '--load-size', '16'])
    assert.deepEqual([o.gossip, o.loadCount, o.loadRate, o.loadSize, o.publishDelayMs, o.msgId, o.floodPublish],
      [true, 1000, 100, 16, 1000, 'pubkey-seqno', true])
  })

  const bad = [
    [['--nope'], /unknown option/],
    [['--ping'], /needs a value/],
    [['--ping', A, '--ping', A], /more than once/],
    [['--dial'], /at least one value/],
    [['--dial', 'not-a-multiaddr'], /not a multiaddr/],
    [['--listen', '/ip4/0.0.0.0/tcp/0'], /only loopback/],
    [['--listen', '/ip4/10.0.0.1/tcp/0'], /only loopback/],
    [['--ping-count', '3'], /requires --ping/],
    [['--ping', A, '--ping-count', '0'], /positive integer/],
    [['--echo-send', A, '--echo-data', 'x'], /requires --echo-protocol/],
    [['--echo-protocol', '/e/1', '--echo-send', A], /exactly one of/],
    [['--echo-protocol', '/e/1', '--echo-send', A, '--echo-data', 'x', '--echo-bytes', '3'], /exactly one of/],
    [['--echo-protocol', 'echo'], /must start with/],
    [['--perf-upload', '10'], /requires --perf/],
    [['--perf', A, '--perf-upload', '10MB'], /byte count/],
    [['--register-protocol-after', '10'], /two values/],
    [['--duration', '0'], /positive number/],
    [['--publish', 'no-equals-sign'], /expected TOPIC=TEXT/],
    [['--publish', '=text'], /expected TOPIC=TEXT/],
    [['--load-publish', 't', '--load-rate', '-5'], /positive number/],
    [['--load-publish', 't', '--load-rate', '0'], /positive number/],
    [['--load-publish', 't', '--load-count', '0'], /positive integer/],
    [['--load-publish', 't', '--load-size', '15'], /at least 16 bytes/],
    [['--load-count', '5'], /requires --load-publish/],
    [['--flood-publish', 'yes'], /true or false/],
    [['--msg-id', 'sha256'], /expected one of/],
    [['--gossip-d', '0'], /positive integer/]
  ]
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      assert.throws(() => parseArgs(argv), (err) => err instanceof UsageError && message.test(err.message))
    })
  }
})
