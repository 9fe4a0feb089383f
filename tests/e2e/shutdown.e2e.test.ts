// `npm start` on SIGTERM, with the production build: the listener closes at once, the request in progress
// (a super admin's rates refresh, held up by a slow ECB) still gets its answer, then the process exits 0.
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type E2eApp, startE2eApp } from './harness'

const SLOW_MS = 4_000

/** Resolves true when something accepts a new TCP connection on `port`, false when it is refused. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

describe('npm start on SIGTERM', () => {
  let ecb: Server
  let e2e: E2eApp
  let slow = false
  let markRequested = () => {}
  const requested = new Promise<void>((resolve) => (markRequested = resolve))

  beforeAll(async () => {
    const xml = (await readFile(path.join(import.meta.dirname, '../fixtures/ecb/daily-2026-12-04.xml'), 'utf8')).replace(
      /time='[\d-]+'/,
      `time='${new Date().toISOString().slice(0, 10)}'`,
    )
    // The ECB, answering SLOW_MS late once `slow` is set.
    ecb = createServer((_request, response) => {
      if (slow) markRequested()
      setTimeout(() => response.writeHead(200, { 'Content-Type': 'text/xml' }).end(xml), slow ? SLOW_MS : 0)
    })
    await new Promise<void>((resolve) => ecb.listen(0, '127.0.0.1', resolve))
    const ratesUrl = `http://127.0.0.1:${(ecb.address() as AddressInfo).port}/eurofxref-daily.xml`
    e2e = await startE2eApp({ ATELIER_RATES_URL: ratesUrl, ATELIER_SHUTDOWN_GRACE_SECONDS: '20' })
  })
  afterAll(async () => {
    await e2e?.stop()
    await new Promise((resolve) => ecb?.close(resolve))
  })

  it('answers the request in progress, takes no new connection, and exits 0', async () => {
    const port = Number(new URL(e2e.baseUrl).port)
    slow = true
    const inProgress = e2e.api('POST', '/currencies/rates/refresh')
    await requested
    const signalledAt = Date.now()
    e2e.app.process.kill('SIGTERM')

    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await accepts(port)).toBe(false)
    const answer = await inProgress
    expect(answer.status, answer.text).toBe(200)
    expect(await e2e.app.exit).toBe(0)
    expect(Date.now() - signalledAt).toBeGreaterThan(SLOW_MS - 1_000)
    expect(e2e.app.output()).toMatch(/SIGTERM: no new connections, finishing the requests in progress \(up to 20 s\)/)
  })
})
