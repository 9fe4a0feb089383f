// Starts the production build through scripts/start.ts, as `npm start` does, for the e2e tests.
import { type ChildProcess, spawn } from 'node:child_process'
export { freePort } from '../../utilities/freePort'

export type StartedApp = { exit: Promise<number | null>; output: () => string; process: ChildProcess }

export function startApp(env: Record<string, string>): StartedApp {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { exit, output: () => output, process: child }
}

export async function waitForHealth(baseUrl: string, app: StartedApp, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`The app exited early:\n${app.output()}`)
    try {
      const response = await fetch(`${baseUrl}/api/health`)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`No healthy answer within ${timeoutMs} ms:\n${app.output()}`)
}
