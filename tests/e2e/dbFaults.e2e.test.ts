// The production build when its database fails under it, on a PostgreSQL server of this file's own (it is
// stopped and started here; the run's shared server is never touched): every connection of the app terminated
// in the middle of public bookings, the server stopped and started again, the app SIGKILLed mid-write.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDatabaseIfMissing, databaseUrl, type EmbeddedDatabase, startEmbeddedPostgres } from '../../utilities/embeddedPostgres'
import { freePort } from '../../utilities/freePort'
import { localSlot } from '../helpers/booking'
import { createStudio, type E2eApp, EVERY_DAY, startE2eApp } from './harness'

const BOOKINGS = 200
const CONCURRENCY = 10
const RECOVERY_MS = 5_000

type Answer = { code?: string; ref?: string; retryAfter: null | string; sentAt: number; status: number }

describe('database faults on the production build', () => {
  const tenant = { slug: `faults-${randomBytes(2).toString('hex')}`, timezone: 'Europe/Paris' }
  let runDir: string
  let serverOptions: Parameters<typeof startEmbeddedPostgres>[0]
  let server: EmbeddedDatabase | undefined
  let appDatabaseUrl: string
  let e2e: E2eApp
  let roomId: number
  // Every slot is booked once, across the tests: 12 an hour-long slot a day, from the day after tomorrow.
  let nextSlot = 0

  const withAdmin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: appDatabaseUrl })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }

  const book = async (): Promise<Answer> => {
    const slot = nextSlot++
    const day = 2 + Math.floor(slot / 12)
    const hour = String(8 + (slot % 12)).padStart(2, '0')
    const sentAt = Date.now()
    try {
      const response = await fetch(`${e2e.baseUrl}/api/public/booking`, {
        body: JSON.stringify({
          customer: { email: `c${slot}@faults.test`, name: `Customer ${slot}` },
          end: localSlot(tenant, day, `${String(Number(hour) + 1).padStart(2, '0')}:00`),
          room: roomId,
          start: localSlot(tenant, day, `${hour}:00`),
          tenant: tenant.slug,
        }),
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      const body = (await response.json().catch(() => ({}))) as { code?: string; ref?: string }
      return { code: body.code, ref: body.ref, retryAfter: response.headers.get('Retry-After'), sentAt, status: response.status }
    } catch {
      // The connection itself failed: the app is gone (the SIGKILL test).
      return { retryAfter: null, sentAt, status: 0 }
    }
  }

  /** `total` bookings, `CONCURRENCY` at a time; `midway` runs once half of them have been sent. */
  async function bookUnderLoad(total: number, midway: () => Promise<void>): Promise<Answer[]> {
    const answers: Answer[] = []
    let sent = 0
    let fault: Promise<void> | undefined
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < total) {
          if (++sent === Math.floor(total / 2)) fault = midway()
          answers.push(await book())
        }
      }),
    )
    await fault
    return answers
  }

  /** Polls `GET path` until it answers `status`; resolves the milliseconds it took. */
  async function waitForStatus(route: string, status: number, timeoutMs: number): Promise<number> {
    const started = Date.now()
    while (Date.now() - started < timeoutMs) {
      const answer = await fetch(`${e2e.baseUrl}/api${route}`).then((response) => response.status, () => 0)
      if (answer === status) return Date.now() - started
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`GET ${route} did not answer ${status} within ${timeoutMs} ms`)
  }

  /** Bookings whose audit entry is missing: must never exist, whatever happened in between. */
  const bookingsWithoutAudit = () =>
    withAdmin(async (client) => {
      const { rows } = await client.query<{ ref: string }>(
        `select b.ref from bookings b where not exists (
           select 1 from audit_logs a where a.collection = 'bookings' and a.action = 'create' and a.document_id = b.id::text)`,
      )
      return rows.map(({ ref }) => ref)
    })

  const storedRefs = (refs: string[]) =>
    withAdmin(async (client) => new Set((await client.query<{ ref: string }>('select ref from bookings where ref = any($1)', [refs])).rows.map(({ ref }) => ref)))

  const summary = (answers: Answer[]) => {
    const byStatus = new Map<number, number>()
    for (const { status } of answers) byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
    return Object.fromEntries([...byStatus].sort(([a], [b]) => a - b))
  }

  beforeAll(async () => {
    runDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-faults-'))
    // As root the server runs as the `postgres` OS user, which must be able to enter this folder.
    await chmod(runDir, 0o755)
    serverOptions = { dataDir: path.join(runDir, 'data'), persistent: true, port: await freePort() }
    server = await startEmbeddedPostgres(serverOptions)
    await createDatabaseIfMissing(server.serverUrl, 'atelier')
    appDatabaseUrl = databaseUrl(server.serverUrl, 'atelier')
    e2e = await startE2eApp({
      ATELIER_MAIL_DIR: path.join(runDir, 'mail'),
      ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: '10000',
      ATELIER_PUBLIC_RATE_LIMIT: '100000',
      DATABASE_URL: appDatabaseUrl,
    })
    ;({ roomId } = await createStudio(
      e2e,
      { name: 'Faults Studio', ...tenant },
      { capacity: 1, maxMinutes: 60, minMinutes: 60, name: 'Room', openingHours: EVERY_DAY.map((weekday) => ({ closes: '20:00', opens: '08:00', weekday })), slug: 'room' },
    ))
  })
  afterAll(async () => {
    await e2e?.stop()
    await server?.stop()
    if (runDir) await rm(runDir, { force: true, recursive: true })
  })

  it('every connection terminated mid-load: no 500, 503 database_unavailable only, back within 5 s, nothing acknowledged lost', async () => {
    let terminatedAt = 0
    let terminated = 0
    let recoveredMs = 0
    const answers = await bookUnderLoad(BOOKINGS, async () => {
      terminated = await withAdmin(async (client) => {
        terminatedAt = Date.now()
        const { rowCount } = await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')
        return rowCount ?? 0
      })
      recoveredMs = await waitForStatus(`/public/tenants/${tenant.slug}/rooms`, 200, RECOVERY_MS)
    })
    const refused = answers.filter(({ status }) => status !== 201)
    const firstBookedAfter = Math.min(...answers.filter(({ sentAt, status }) => status === 201 && sentAt > terminatedAt).map(({ sentAt }) => sentAt))
    console.log(
      `[faults] terminate: ${answers.length} bookings, ${terminated} backends terminated, answers ${JSON.stringify(summary(answers))}, public read back after ${recoveredMs} ms, next booking sent ${firstBookedAfter - terminatedAt} ms after`,
    )

    expect(terminated).toBeGreaterThan(0)
    expect(answers.filter(({ status }) => status >= 500 && status !== 503)).toEqual([])
    // Distinct slots and raised limits: nothing but a database failure may refuse a booking here.
    for (const answer of refused) expect(answer).toMatchObject({ code: 'database_unavailable', status: 503 })
    for (const answer of refused) expect(answer.retryAfter).toMatch(/^[1-5]$/)
    expect(recoveredMs).toBeLessThan(RECOVERY_MS)
    expect(firstBookedAfter - terminatedAt).toBeLessThan(RECOVERY_MS)

    const acknowledged = answers.filter(({ status }) => status === 201).map(({ ref }) => ref!)
    const stored = await storedRefs(acknowledged)
    expect(acknowledged.filter((ref) => !stored.has(ref))).toEqual([])
    expect(await bookingsWithoutAudit()).toEqual([])
    expect(e2e.app.process.exitCode).toBeNull()
    expect(e2e.app.output()).not.toMatch(/uncaughtException|unhandledRejection|Unhandled/i)
  })

  it('the server stopped: health 503 and bookings 503 within seconds; started again: 200 within 5 s, no restart', async () => {
    const { token } = (await e2e.api('POST', '/users/login', e2e.admin, { asAdmin: false })).body as { token: string }
    await server!.stop()
    const downMs = await waitForStatus('/health', 503, 5_000)
    const read = await fetch(`${e2e.baseUrl}/api/public/tenants/${tenant.slug}/rooms`)
    expect(read.status).toBe(503)
    expect(((await read.json()) as { code: string }).code).toBe('database_unavailable')
    const write = await book()
    expect(write).toMatchObject({ code: 'database_unavailable', status: 503 })
    // Payload's own REST, through the config's afterError: the same answer, with one Retry-After.
    const rest = await fetch(`${e2e.baseUrl}/api/bookings?limit=1`, { headers: { Authorization: `JWT ${token}` } })
    expect(rest.status).toBe(503)
    expect(rest.headers.get('Retry-After')).toMatch(/^[1-5]$/)
    expect(((await rest.json()) as { code: string }).code).toBe('database_unavailable')
    const health = await fetch(`${e2e.baseUrl}/api/health`)
    expect(await health.json()).toEqual({ db: 'unreachable', status: 'error' })

    const restarted = await startEmbeddedPostgres(serverOptions)
    server = restarted
    expect(restarted.port).toBe(serverOptions.port)
    const upMs = await waitForStatus('/health', 200, RECOVERY_MS)
    expect(await book()).toMatchObject({ status: 201 })
    console.log(`[faults] server stopped: health 503 after ${downMs} ms; started again: health 200 after ${upMs} ms`)

    expect(e2e.app.process.exitCode).toBeNull()
    expect(e2e.app.output()).not.toMatch(/uncaughtException|unhandledRejection|Unhandled/i)
  })

  it('kill -9 in the middle of writes: every acknowledged booking is stored, none without its audit entry', async () => {
    // `npm start` runs Next as a child (beside tsx's esbuild): that child is the server holding the connections.
    const nextPid = Number(execFileSync('pgrep', ['-P', String(e2e.app.process.pid), '-f', 'next-server|next/dist/bin/next'], { encoding: 'utf8' }).trim())
    expect(nextPid).toBeGreaterThan(0)
    const answers = await bookUnderLoad(60, async () => {
      process.kill(nextPid, 'SIGKILL')
    })
    await e2e.app.exit
    // Some bookings were answered before the kill, and the ones sent after it found nobody.
    expect(answers.some(({ status }) => status === 0)).toBe(true)
    const acknowledged = answers.filter(({ status }) => status === 201).map(({ ref }) => ref!)
    console.log(`[faults] kill -9: ${answers.length} bookings sent, answers ${JSON.stringify(summary(answers))}`)

    const stored = await storedRefs(acknowledged)
    expect(acknowledged.filter((ref) => !stored.has(ref))).toEqual([])
    expect(await bookingsWithoutAudit()).toEqual([])
  })
})
