// Payload's jobs queue over REST: only super admins read or write jobs; running queues over HTTP needs a
// super admin or the cron secret (`Authorization: Bearer <ATELIER_JOBS_SECRET>`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { publicGet } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const JOBS_SECRET = 'cron-secret-for-tests-0123456789abcdef'
const CUSTOMER = 'private.customer@example.com'

type Job = { completedAt?: null | string; id: number; input?: unknown; taskSlug?: string }

describe('payload-jobs over REST', () => {
  let app: TestApp
  let tenant: Tenant
  let staffToken: string
  let superToken: string
  let alertJob: Job

  const jobById = (id: number) => app.payload.findByID({ id, collection: 'payload-jobs', depth: 0, disableErrors: true }) as Promise<Job | null>
  const bearer = (secret: string) => ({ headers: { Authorization: `Bearer ${secret}` } })

  beforeAll(async () => {
    app = await startTestApp({ ATELIER_JOBS_SECRET: JOBS_SECRET })
    tenant = await createTenant(app.payload)
    const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    staffToken = await app.rest.login(staff.email, PASSWORD)
    superToken = await app.rest.login(superAdmin.email, PASSWORD)
    // A customer's lookup queues a job whose input is their email address.
    expect((await publicGet(app.rest, `/public/bookings/search?email=${encodeURIComponent(CUSTOMER)}`)).status).toBe(202)
    // The alert a member might want to suppress: about their own login.
    const [login] = (await app.payload.find({ collection: 'audit-logs', where: { and: [{ action: { equals: 'login' } }, { user: { equals: staff.id } }] } })).docs
    alertJob = (await app.payload.jobs.queue({ input: { entryId: login!.id }, task: 'auditAlert' } as never)) as unknown as Job
  })
  afterAll(() => app.close())

  it('a studio member cannot list jobs or read their inputs', async () => {
    const list = await app.rest.get('/payload-jobs?limit=100', { token: staffToken })
    expect(list.status).toBe(403)
    expect(await list.text()).not.toContain(CUSTOMER)
    expect((await app.rest.get(`/payload-jobs/${alertJob.id}`, { token: staffToken })).status).toBe(403)
    expect((await app.rest.get('/payload-jobs')).status).toBe(403)
  })

  it('a studio member cannot queue, edit or delete jobs', async () => {
    const before = (await app.payload.count({ collection: 'payload-jobs' })).totalDocs
    const created = await app.rest.post('/payload-jobs', { input: { entryId: 1 }, taskSlug: 'auditAlert' }, { token: staffToken })
    expect(created.status).toBe(403)
    expect((await app.payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(before)

    expect((await app.rest.patch(`/payload-jobs/${alertJob.id}`, { completedAt: new Date().toISOString() }, { token: staffToken })).status).toBe(403)
    expect((await app.rest.patch('/payload-jobs?where[taskSlug][equals]=auditAlert', { hasError: true }, { token: staffToken })).status).toBe(403)
    expect((await app.rest.delete(`/payload-jobs/${alertJob.id}`, { token: staffToken })).status).toBe(403)
    expect((await app.rest.delete('/payload-jobs?where[taskSlug][equals]=auditAlert', { token: staffToken })).status).toBe(403)
    expect(await jobById(alertJob.id)).toMatchObject({ completedAt: null, taskSlug: 'auditAlert' })
  })

  it('a studio member cannot run queues or schedules over HTTP', async () => {
    const run = await app.rest.get('/payload-jobs/run?allQueues=true', { token: staffToken })
    expect(run.status).toBe(403)
    expect(await run.json()).toEqual({ errors: [{ message: expect.any(String) }] })
    expect((await app.rest.get('/payload-jobs/handle-schedules', { token: staffToken })).status).toBe(403)
    // Still waiting: not run (a completed job is deleted).
    expect(await jobById(alertJob.id)).toMatchObject({ completedAt: null, taskSlug: 'auditAlert' })
  })

  it('nobody runs queues without a login or with a wrong secret', async () => {
    expect((await app.rest.get('/payload-jobs/run')).status).toBe(401)
    expect((await app.rest.get('/payload-jobs/run', bearer('wrong-secret-of-the-right-length-000000'))).status).toBe(401)
    expect((await app.rest.get('/payload-jobs/run', bearer(JOBS_SECRET.slice(0, -1)))).status).toBe(401)
    expect((await app.rest.get('/payload-jobs/handle-schedules', bearer('nope'))).status).toBe(401)
    // Still waiting: not run (a completed job is deleted).
    expect(await jobById(alertJob.id)).toMatchObject({ completedAt: null, taskSlug: 'auditAlert' })
  })

  it('the scheduling stats are for super admins only', async () => {
    expect((await app.rest.get('/globals/payload-jobs-stats', { token: staffToken })).status).toBe(403)
    expect((await app.rest.post('/globals/payload-jobs-stats', { stats: {} }, { token: staffToken })).status).toBe(403)
  })

  it('refuses bad run parameters with 400 in the one error shape', async () => {
    const response = await app.rest.get('/payload-jobs/run?limit=-5', bearer(JOBS_SECRET))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), path: 'limit' }] })
    expect((await app.rest.get('/payload-jobs/run?sneaky=1', bearer(JOBS_SECRET))).status).toBe(400)
  })

  it('super admins read and manage jobs', async () => {
    const list = await app.rest.get('/payload-jobs?limit=100', { token: superToken })
    expect(list.status).toBe(200)
    const { docs } = (await list.json()) as { docs: Job[] }
    expect(docs.find((job) => job.taskSlug === 'sendBookingLookup')?.input).toEqual({ email: CUSTOMER })
    const spare = await app.payload.jobs.queue({ input: { entryId: 0 }, task: 'auditAlert' } as never)
    expect((await app.rest.delete(`/payload-jobs/${spare.id}`, { token: superToken })).status).toBe(200)
    expect((await app.rest.get('/globals/payload-jobs-stats', { token: superToken })).status).toBe(200)
  })

  it('an external cron runs queues with the secret', async () => {
    const response = await app.rest.get('/payload-jobs/run?queue=default', bearer(JOBS_SECRET))
    expect(response.status).toBe(200)
    // Done, and so deleted (Payload's deleteJobOnComplete).
    expect(await jobById(alertJob.id)).toBeNull()
    expect((await app.rest.get('/payload-jobs/handle-schedules?queue=nightly', bearer(JOBS_SECRET))).status).toBe(200)
  })

  it('super admins run queues with their login', async () => {
    expect((await app.rest.get('/payload-jobs/run', { token: superToken })).status).toBe(200)
  })
})
