// Deployers put an approved artist's site online. Each is an adapter behind one interface.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, openSync } from 'node:fs'
import path from 'node:path'

import type { AtelierEnv } from '../../../utilities/env'

import { freePort } from '../../../utilities/freePort'
import { signPayload } from './secrets'

export type DeployRequest = {
  artist: { email: string; id: number; name: string; siteId: number }
  platformUrl: string
  registrationToken: string
  tenant: { id: number; name: string; slug: string }
}

export type DeployResult = { detail?: string; status: 'requested' | 'skipped' | 'started'; url?: string }

export type Deployer = { deploy: (request: DeployRequest) => Promise<DeployResult>; name: 'local' | 'none' | 'webhook' }

/** Deploys nothing: the site is deployed by hand with the token shown to the admin. */
export const noneDeployer = (): Deployer => ({ deploy: async () => ({ status: 'skipped' }), name: 'none' })

/**
 * POSTs the request to a deploy hook (a Render deploy hook, a CI dispatch endpoint), signed like key
 * pushes: `X-Atelier-Signature: sha256=HMAC(secret, timestamp + "." + body)`.
 */
export const webhookDeployer = ({ secret, url }: { secret: string; url: string }): Deployer => ({
  deploy: async (request) => {
    const body = JSON.stringify(request)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const response = await fetch(url, {
      body,
      headers: { 'Content-Type': 'application/json', 'X-Atelier-Signature': signPayload(secret, timestamp, body), 'X-Atelier-Timestamp': timestamp },
      method: 'POST',
      signal: AbortSignal.timeout(10_000),
    })
    if (!response.ok) throw new Error(`The deploy hook answered ${response.status}.`)
    return { status: 'requested' }
  },
  name: 'webhook',
})

const running = new Map<number, ChildProcess>()
let exitHookInstalled = false

/**
 * Runs `site-template/` as a child process on a free port, for development and tests. The site keeps its
 * key in `<dir>/site-<id>/`, so a redeploy restarts it as the same site.
 */
export const localDeployer = ({ dir }: { dir: string }): Deployer => ({
  deploy: async (request) => {
    if (!exitHookInstalled) {
      exitHookInstalled = true
      process.once('exit', () => running.forEach((child) => child.kill()))
    }
    running.get(request.artist.siteId)?.kill()
    const port = await freePort()
    const siteDir = path.resolve(dir, `site-${request.artist.siteId}`)
    mkdirSync(siteDir, { recursive: true })
    const log = openSync(path.join(siteDir, 'site.log'), 'a')
    const url = `http://localhost:${port}`
    const child = spawn(process.execPath, [path.resolve(process.cwd(), 'site-template/server.mjs')], {
      env: {
        ATELIER_PLATFORM_URL: request.platformUrl,
        ATELIER_REGISTRATION_TOKEN: request.registrationToken,
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        SITE_DATA_DIR: siteDir,
        SITE_NAME: request.artist.name,
        SITE_URL: url,
      },
      stdio: ['ignore', log, log],
    })
    running.set(request.artist.siteId, child)
    child.once('exit', () => {
      if (running.get(request.artist.siteId) === child) running.delete(request.artist.siteId)
    })
    return { detail: `pid ${child.pid}, log ${path.join(siteDir, 'site.log')}`, status: 'started', url }
  },
  name: 'local',
})

/** Stops the local sites this process started (tests call it on teardown). */
export const stopLocalSites = () => running.forEach((child) => child.kill())

export function createDeployer(env: AtelierEnv): Deployer {
  switch (env.ATELIER_DEPLOYER) {
    case 'local':
      return localDeployer({ dir: env.ATELIER_SITES_LOCAL_DIR })
    case 'webhook':
      // loadEnv refuses webhook without both.
      return webhookDeployer({ secret: env.ATELIER_DEPLOY_WEBHOOK_SECRET ?? '', url: env.ATELIER_DEPLOY_WEBHOOK_URL ?? '' })
    default:
      return noneDeployer()
  }
}
