// Debian's Caddy in front of the app, as docs/deploy.md sets it up, with its own internal CA instead of
// Let's Encrypt: on-demand certificates for any hostname that the app's `ask` endpoint allows.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../utilities/freePort'

export type CaddyServer = {
  httpsPort: number
  output: () => string
  /** Caddy's local root certificate, for `curl --cacert`. */
  rootCertificate: string
  stop: () => Promise<void>
}

/** Where Caddy is, or null when it is not installed. */
export function caddyBinary(): null | string {
  const found = spawnSync('sh', ['-c', 'command -v caddy'], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : null
}

const caddyfile = (appPort: number, httpPort: number, httpsPort: number) => `{
	admin off
	http_port ${httpPort}
	https_port ${httpsPort}
	skip_install_trust
	on_demand_tls {
		ask http://127.0.0.1:${appPort}/api/domains/tls-allowed
	}
}

https:// {
	tls internal {
		on_demand
	}
	reverse_proxy 127.0.0.1:${appPort}
}
`

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })

export async function startCaddy(binary: string, appPort: number): Promise<CaddyServer> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'atelier-caddy-'))
  const [httpPort, httpsPort] = [await freePort(), await freePort()]
  await writeFile(path.join(home, 'Caddyfile'), caddyfile(appPort, httpPort, httpsPort))
  let output = ''
  const child: ChildProcess = spawn(binary, ['run', '--config', path.join(home, 'Caddyfile'), '--adapter', 'caddyfile'], {
    // Caddy keeps its CA and certificates under XDG_DATA_HOME: a throwaway directory per run.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const rootCertificate = path.join(home, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt')
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
    await rm(home, { force: true, recursive: true })
  }
  const deadline = Date.now() + 30_000
  while (!((await listening(httpsPort)) && existsSync(rootCertificate))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`Caddy did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { httpsPort, output: () => output, rootCertificate, stop }
}
