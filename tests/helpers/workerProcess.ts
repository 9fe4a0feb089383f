// Starts `npm run worker` (scripts/worker.ts under tsx) as a real process on the test's database, as
// tests/e2e/app.ts starts the app: jobs then run in other processes, as they do in production.
import { type ChildProcess, spawn } from 'node:child_process'

import { freePort } from '../../utilities/freePort'

export type WorkerProcess = {
  exit: Promise<number | null>
  healthUrl: string
  output: () => string
  process: ChildProcess
  /** Sends `signal` (SIGTERM by default) unless it has exited, and resolves with its exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/** `env` adds to the test process's own (DATABASE_URL of the test app, NODE_ENV=test). Polls every second. */
export async function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const port = await freePort()
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, ATELIER_WORKER_HEALTH_PORT: String(port), ATELIER_WORKER_POLL_SECONDS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    return exit
  }
  return { exit, healthUrl: `http://127.0.0.1:${port}/health`, output: () => output, process: child, stop }
}

/** Resolves once the worker's health port answers 200. */
export async function waitForWorker(worker: WorkerProcess, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (worker.process.exitCode !== null) throw new Error(`The worker exited early:\n${worker.output()}`)
    try {
      if ((await fetch(worker.healthUrl)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No healthy worker within ${timeoutMs} ms:\n${worker.output()}`)
}

/**
 * A started worker whose health port answers. On Node 20, tsx's loader now and then leaves the entry's
 * top-level await unsettled and Node exits 13 before anything runs (seen under load): such a start is
 * tried again, up to `attempts` in all. Any other failure stops the process and is thrown.
 */
export async function startHealthyWorker(env: Record<string, string> = {}, attempts = 3): Promise<WorkerProcess> {
  for (let attempt = 1; ; attempt++) {
    const worker = await startWorker(env)
    try {
      await waitForWorker(worker)
      return worker
    } catch (error) {
      await worker.stop('SIGKILL')
      if (worker.process.exitCode !== 13 || attempt === attempts) throw error
    }
  }
}

/** Polls `condition` every 100 ms until it holds. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
