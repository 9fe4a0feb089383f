// Jobs across worker processes (`npm run worker`): three real workers on one database, their passes at the
// same moments. Each job runs once (exclusive claims), each scheduled period is queued once (one scheduler
// per queue at a time), and on SIGTERM a worker finishes the job in hand, or gives it back when the grace
// ends, then exits 0. Every run of the audit alert task mails the studio's owner: duplicates would show.
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { inTransaction } from '../../utilities/inTransaction'
import { setDatabaseReachable } from '../helpers/databaseServer'
import { createTenant, createUser } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { seedAuditRows } from '../helpers/seedAuditRows'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'
import { startHealthyWorker, waitUntil, type WorkerProcess } from '../helpers/workerProcess'

const JOBS = 50
const ALERT_TASK = 'auditAlert'

type Job = { completedAt?: null | string; error?: unknown; hasError?: boolean; id: number; processing?: boolean; waitUntil?: null | string }

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** An SMTP server that accepts each message only `acceptAfterMs` after receiving it: a job that takes a while. */
async function startSlowSmtpServer(acceptAfterMs: number) {
  let accepted = 0
  let markReceiving = () => {}
  const receiving = new Promise<void>((resolve) => (markReceiving = resolve))
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      markReceiving()
      stream.resume()
      stream.on('end', () => setTimeout(() => ((accepted += 1), callback()), acceptAfterMs))
    },
  })
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return { accepted: () => accepted, close: () => server.close(), env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) }, receiving }
}

// Each test starts worker processes (tsx, Payload's whole graph): allow for a loaded machine's slow starts.
describe('jobs across worker processes', { timeout: 240_000 }, () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let workers: WorkerProcess[] = []
  let entryIds: number[] = []

  /** The seeded entries ('Agent/<n>') whose alert reached the owner, one item per email. */
  const alertedAgents = () => smtp.messages.map((mail) => /user agent: (Agent\/\d+),/.exec(mail.body)?.[1]).filter((agent) => agent !== undefined)
  const jobsOf = async (taskSlug: string) =>
    (await app.payload.find({ collection: 'payload-jobs', depth: 0, pagination: false, sort: 'id', where: { taskSlug: { equals: taskSlug } } })).docs as unknown as Job[]
  const queueAlert = (entryId: number) => app.payload.jobs.queue({ input: { entryId }, task: ALERT_TASK } as never) as unknown as Promise<Job>

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    const tenant = await createTenant(app.payload)
    await createUser(app.payload, [{ role: 'owner', tenant }])
    await seedAuditRows(app.payload, { count: JOBS, tenantId: tenant.id })
    const seeded = await app.payload.find({ collection: 'audit-logs', depth: 0, pagination: false, where: { collection: { equals: 'media' } } })
    entryIds = seeded.docs.map((entry) => entry.id)
    workers = await Promise.all([1, 2, 3].map(() => startHealthyWorker(smtp.env)))
  })

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()))
    await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, true)
    await app?.close()
    await smtp?.close()
  })

  it('runs each of 50 jobs exactly once across three workers', async () => {
    expect(entryIds).toHaveLength(JOBS)
    // Queued in one transaction: all become visible to the three workers at the same moment.
    const req = await createLocalReq({}, app.payload)
    await inTransaction(req, async () => {
      for (const entryId of entryIds) await app.payload.jobs.queue({ input: { entryId }, req, task: ALERT_TASK } as never)
    })
    await waitUntil(async () => (await jobsOf(ALERT_TASK)).length === 0 && alertedAgents().length >= JOBS, 120_000, 'the alerts')
    // Three more passes of every worker: a late second run would mail again.
    await delay(3_000)

    const agents = alertedAgents()
    expect(agents).toHaveLength(JOBS)
    expect(new Set(agents).size).toBe(JOBS)
    // Completed jobs are deleted: none left, none failed or stuck.
    expect(await jobsOf(ALERT_TASK)).toEqual([])
  })

  it('queues a scheduled task once per period across three workers', async () => {
    const waitingRetention = async () => (await jobsOf('auditRetention')).filter((job) => !job.completedAt)
    const cleanups = async () => (await app.payload.count({ collection: 'audit-logs', where: { action: { equals: 'cleanup' } } })).totalDocs
    // Every task's schedule, every queue: never two jobs waiting for the same period.
    const doubledSchedules = async () =>
      (
        (await app.payload.db.drizzle.execute(sql`
          select task_slug, count(*)::int as waiting from payload_jobs
          where meta->>'scheduled' = 'true' and completed_at is null and error is null
          group by task_slug having count(*) > 1`)) as unknown as { rows: { task_slug: string; waiting: number }[] }
      ).rows

    await waitUntil(async () => (await waitingRetention()).length > 0, 30_000, 'the nightly retention to be scheduled')
    await delay(2_000)
    expect(await waitingRetention()).toHaveLength(1)
    expect(await cleanups()).toBe(0)

    for (let period = 1; period <= 3; period += 1) {
      const [waiting] = await waitingRetention()
      expect(new Date(waiting!.waitUntil!).getTime()).toBeGreaterThan(Date.now())
      // 03:15 arrives: the waiting job is due, the workers run it and schedule the next night's.
      await app.payload.db.drizzle.execute(sql`update payload_jobs set wait_until = now() - interval '1 second' where id = ${waiting!.id}`)
      await waitUntil(
        async () => (await cleanups()) >= period && (await waitingRetention()).some((job) => job.id !== waiting!.id),
        30_000,
        `period ${period}`,
      )
      await delay(2_500)
      expect(await cleanups()).toBe(period)
      expect(await waitingRetention()).toHaveLength(1)
      expect(await doubledSchedules()).toEqual([])
    }

    // The night's job done and deleted wherever it ran: at their next tick, together, the three workers see
    // no waiting job, and one of them (only) schedules the next night's.
    for (let night = 1; night <= 5; night += 1) {
      const [waiting] = await waitingRetention()
      await app.payload.db.drizzle.execute(sql`delete from payload_jobs where id = ${waiting!.id}`)
      await waitUntil(async () => (await waitingRetention()).length > 0, 30_000, `night ${night}`)
      await delay(2_500)
      expect(await waitingRetention()).toHaveLength(1)
      expect(await doubledSchedules()).toEqual([])
    }
  })

  it('answers its health port: 200 with the database, 503 without', async () => {
    const [worker] = workers
    const health = await fetch(worker!.healthUrl)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ db: 'ok', role: 'worker', status: 'ok' })
    expect((await fetch(worker!.healthUrl.replace('/health', '/admin'))).status).toBe(404)

    await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, false)
    try {
      const down = await fetch(worker!.healthUrl)
      expect(down.status).toBe(503)
      expect(await down.json()).toEqual({ db: 'unreachable', role: 'worker', status: 'error' })
    } finally {
      await setDatabaseReachable(inject('databaseServerUrl'), app.databaseName, true)
    }
    await waitUntil(async () => (await fetch(worker!.healthUrl)).status === 200, 15_000, 'the database back')
  })

  it('stops idle workers on SIGTERM with exit code 0', async () => {
    const codes = await Promise.all(workers.map((worker) => worker.stop()))
    expect(codes).toEqual([0, 0, 0])
    const runs = workers.map((worker) => Number(/Worker stopped after running (\d+) job/.exec(worker.output())?.[1]))
    console.log(`[tests] jobs run per worker: ${runs.join(', ')}`)
    // The 50 alerts and 3 nights of retention, and the minute schedules besides, shared out.
    expect(runs.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(JOBS + 3)
  })

  it('on SIGTERM, finishes the job in hand before exiting 0', async () => {
    const slowSmtp = await startSlowSmtpServer(3_000)
    const worker = await startHealthyWorker({ ...slowSmtp.env, ATELIER_SHUTDOWN_GRACE_SECONDS: '20' })
    try {
      const job = await queueAlert(entryIds[0]!)
      await slowSmtp.receiving
      const signalledAt = Date.now()
      worker.process.kill('SIGTERM')
      expect(await worker.exit).toBe(0)

      expect(Date.now() - signalledAt).toBeGreaterThan(1_500)
      expect(slowSmtp.accepted()).toBe(1)
      expect((await jobsOf(ALERT_TASK)).map((left) => left.id)).not.toContain(job.id)
      expect(worker.output()).toMatch(/SIGTERM: taking no new job/)
      // Its pass over the queues ended first: the alert, and whatever minute schedules it had taken with it.
      expect(worker.output()).toMatch(/Worker stopped after running [1-9]\d* job/)
    } finally {
      await worker.stop('SIGKILL')
      slowSmtp.close()
    }
  })

  it('on SIGTERM, gives the job in hand back to the queue when the grace ends, and exits 0', async () => {
    const slowSmtp = await startSlowSmtpServer(60_000)
    const worker = await startHealthyWorker({ ...slowSmtp.env, ATELIER_SHUTDOWN_GRACE_SECONDS: '1' })
    try {
      const job = await queueAlert(entryIds[1]!)
      await slowSmtp.receiving
      const signalledAt = Date.now()
      worker.process.kill('SIGTERM')
      expect(await worker.exit).toBe(0)

      expect(Date.now() - signalledAt).toBeLessThan(10_000)
      expect(slowSmtp.accepted()).toBe(0)
      // Waiting again, unclaimed and unfailed: the next worker's pass takes it.
      expect(await jobsOf(ALERT_TASK)).toEqual([expect.objectContaining({ completedAt: null, hasError: false, id: job.id, processing: false })])
      expect(worker.output()).toMatch(new RegExp(`gave back 1 unfinished job\\(s\\) to the queue \\(${job.id}\\)`))
    } finally {
      await worker.stop('SIGKILL')
      slowSmtp.close()
    }
  })
})
