// Machine-readable output: one JSON object per line on stdout, each with "event" and "ts".
// Writes to a pipe or file are synchronous on Linux, so nothing is lost when the process exits.

// A reader that went away (EPIPE) must not turn into a crash: stop writing instead.
let stdoutGone = false
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err
  stdoutGone = true
})

/** Writes one event line. Fields must be JSON-serialisable (BigInt is written as a number). */
export function emit (event, fields = {}) {
  const line = JSON.stringify({ event, ts: Date.now(), ...fields }, (key, value) =>
    typeof value === 'bigint' ? Number(value) : value)
  if (!stdoutGone) process.stdout.write(line + '\n')
}

/** Emits an `error` event for a failure at `where`. */
export function emitError (where, err) {
  emit('error', { where, message: err?.message ?? String(err) })
}
