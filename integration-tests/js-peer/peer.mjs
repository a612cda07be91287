#!/usr/bin/env node
// js-libp2p command-line peer: the interop and benchmark partner of ICON's Java host.
// See README.md for options and output; `node peer.mjs --help` prints the options.
import './lib/polyfill.mjs' // must run before libp2p is loaded, hence the dynamic import below
import { emitError } from './lib/events.mjs'

const EXIT_FATAL = 1

process.on('uncaughtException', (err) => {
  emitError('fatal', err)
  process.stderr.write(`${err?.stack ?? err}\n`)
  process.exit(EXIT_FATAL)
})

try {
  const { main } = await import('./lib/main.mjs')
  await main(process.argv.slice(2))
} catch (err) {
  emitError('fatal', err)
  process.stderr.write(`${err?.stack ?? err}\n`)
  process.exit(EXIT_FATAL)
}
