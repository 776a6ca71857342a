'use strict'
// Started by Workflow.DynamoDbServer.DynaliteServer. Unlike dynalite's own CLI it accepts port 0 (the OS picks a
// free port, so there is no probe-then-bind race), reports the bound port and any failure as one JSON line on
// stdout, and shuts down cleanly (flushing LevelDB) when its parent closes stdin or sends SIGTERM/SIGINT, so an
// abandoned server never outlives the process that started it.
const dynalite = require('dynalite')
const { Level } = require('level')

const options = JSON.parse(process.argv[2] || '{}')
const report = (message) => process.stdout.write(JSON.stringify(message) + '\n')

function fail (code, message) {
  report({ event: 'error', code, message })
  process.exit(code === 'EADDRINUSE' ? 98 : 1)
}

// dynalite opens LevelDB lazily and lets later store failures escape as uncaught errors; report them in the same
// machine-readable form before dying.
process.on('uncaughtException', (error) => fail(error.code || 'UNKNOWN', String(error.stack || error)))
process.on('unhandledRejection', (error) => fail((error && error.code) || 'UNKNOWN', String((error && error.stack) || error)))

// dynalite would only discover a locked or unreadable data directory on the first request; open it here first so
// the failure is reported at start-up, in words that say what to do.
async function checkDataDirectory (path) {
  const probe = new Level(path)
  try {
    await probe.open()
  }
  catch (error) {
    const cause = error.cause || error
    const locked = cause.code === 'LEVEL_LOCKED' || /lock/i.test(String(cause.message))
    fail(locked ? 'DATA_DIRECTORY_LOCKED' : 'DATA_DIRECTORY_UNUSABLE', locked
      ? 'the data directory ' + path + ' is locked: another server is using it'
      : 'the data directory ' + path + ' could not be opened: ' + cause.message)
  }
  await probe.close()
}

async function start () {
  if (options.path) await checkDataDirectory(options.path)

  const server = dynalite({
    path: options.path || undefined,
    createTableMs: options.tableTransitionMs,
    updateTableMs: options.tableTransitionMs,
    deleteTableMs: options.tableTransitionMs,
  })

  server.on('error', (error) => fail(error.code || 'UNKNOWN', error.message))

  server.listen(options.port || 0, options.host || '127.0.0.1', () => {
    report({ event: 'listening', port: server.address().port })
  })

  let stopping = false
  function stop () {
    if (stopping) return
    stopping = true
    const forced = setTimeout(() => process.exit(0), 5000)
    forced.unref()
    server.close(() => process.exit(0))
    // Keep-alive client connections would otherwise hold the close open until they time out.
    if (typeof server.closeAllConnections === 'function') server.closeAllConnections()
  }

  process.stdin.on('end', stop)
  process.stdin.on('error', stop)
  process.stdin.resume()
  process.on('SIGTERM', stop)
  // Ctrl+C in a terminal signals the whole process group. Under a parent process, the parent decides when the store
  // closes (it may still be writing during its own shutdown) and says so by closing stdin; only a server started by
  // hand from a terminal stops on Ctrl+C itself.
  process.on('SIGINT', process.stdin.isTTY ? stop : () => {})
}

start()
