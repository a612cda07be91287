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
    [['--duration', '0'], /positive number/]
  ]
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      assert.throws(() => parseArgs(argv), (err) => err instanceof UsageError && message.test(err.message))
    })
  }
})
