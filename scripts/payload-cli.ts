// Payload's CLI (migrate, migrate:create, generate:types, ...) against the same database the app uses.
import { spawn } from 'node:child_process'

import { loadEnv } from '../utilities/env'
import { resolveDatabase } from './database'

const database = await resolveDatabase(loadEnv())
// Under tsx's loader with --disable-transpile: Payload's own transpiling start (tsx's tsImport) can exit 0 on
// Node 20 without running the command (migrate:create wrote nothing, printed nothing).
const cli = spawn(process.execPath, ['--import', 'tsx', 'node_modules/payload/bin.js', ...process.argv.slice(2), '--disable-transpile'], {
  env: { ...process.env, DATABASE_URL: database.url },
  stdio: 'inherit',
})
const exitCode = await new Promise<number>((resolve) => cli.on('exit', (code) => resolve(code ?? 1)))
await database.stop()
process.exit(exitCode)
