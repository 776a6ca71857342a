'use strict'
// Started by Workflow.DynamoDbServer.DynaliteServer. Unlike dynalite's own CLI it accepts port 0 (the OS picks a
// free port, so there is no probe-then-bind race), reports the bound port and any listen error as one JSON line on
// stdout, and shuts down cleanly (flushing LevelDB) when its parent closes stdin or sends SIGTERM/SIGINT, so an
// abandoned server never outlives the process that started it.
const dynalite = require('dynalite')

const options = JSON.parse(process.argv[2] || '{}')
const report = (message) => process.stdout.write(JSON.stringify(message) + '\n')

const server = dynalite({
  path: options.path || undefined,
  createTableMs: options.tableTransitionMs,
  updateTableMs: options.tableTransitionMs,
  deleteTableMs: options.tableTransitionMs,
})

// dynalite opens LevelDB lazily and lets open failures (a data directory locked by another server, for one)
// escape as uncaught errors on the first request; report them in the same machine-readable form before dying.
process.on('uncaughtException', (error) => {
  const locked = error.code === 'LEVEL_DATABASE_NOT_OPEN' && options.path
  report({
    event: 'error',
    code: error.code || 'UNKNOWN',
    message: locked
      ? 'the data directory ' + options.path + ' could not be opened (is another server using it?)'
      : String(error.stack || error),
  })
  process.exit(1)
})

server.on('error', (error) => {
  report({ event: 'error', code: error.code || 'UNKNOWN', message: error.message })
  process.exit(error.code === 'EADDRINUSE' ? 98 : 1)
})

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
process.on('SIGINT', stop)
