// ATELIER_ROLE=web queues jobs and runs none (issue 20): not the immediate queue a cancellation asks for after
// its commit, not a run by id, not the queues over HTTP (`/payload-jobs/run`, `/handle-schedules`: 409 after
// the usual checks of who calls). The jobs stay queued, untouched, for the workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { IMMEDIATE_QUEUE } from '../../utilities/immediateJobs'
import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const JOBS_SECRET = 'cron-secret-for-web-role-0123456789abcdef'

type Job = { completedAt?: null | string; id: number; processing?: boolean; totalTried?: number }

describe('a web node runs no job', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let room: Room

  const bearer = { headers: { Authorization: `Bearer ${JOBS_SECRET}` } }
  const queueAlert = async (queue?: string) => (await app.payload.jobs.queue({ input: { entryId: 0 }, queue, task: 'auditAlert' } as never)) as unknown as Job
  const untouched = async (job: Job) =>
    expect(await app.payload.findByID({ id: job.id, collection: 'payload-jobs', depth: 0, disableErrors: true })).toMatchObject({
      completedAt: null,
      processing: false,
      totalTried: 0,
    })

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_JOBS_SECRET: JOBS_SECRET, ATELIER_PUBLIC_RATE_LIMIT: '1000', ATELIER_ROLE: 'web' })
    studio = await createTenant(app.payload, { defaultLocale: 'en', name: 'Web Role Studio' })
    await createDefaultPolicy(app.payload, studio)
    room = await createRoom(app.payload, studio, { bufferMinutes: 0 })
  })
  afterAll(async () => {
    await app?.close()
    await smtp?.close()
  })

  it('a cancellation leaves the immediate queue to the workers', async () => {
    const waiting = await queueAlert(IMMEDIATE_QUEUE)
    const created = await book(app.rest, {
      customer: { email: 'web.role@example.test', name: 'Customer' },
      end: localSlot(studio, 6, '11:00'),
      room: room.id,
      start: localSlot(studio, 6, '10:00'),
      tenant: studio.slug,
    })
    expect(created.status).toBe(201)
    const [booking] = (await app.payload.find({ collection: 'bookings', where: { ref: { equals: created.body.ref } } })).docs
    const staff = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
    const token = await app.rest.login(staff.email, PASSWORD)
    const cancelled = await app.rest.post(`/bookings/${booking!.id}/cancel`, undefined, { headers: { 'X-Forwarded-For': anotherAddress() }, token })
    expect(cancelled.status, await cancelled.clone().text()).toBe(200)
    // An `all` node would have run (and deleted) it right after the cancellation's commit.
    await untouched(waiting)
  })

  it('payload.jobs.run, runByID and handleSchedules run and schedule nothing', async () => {
    const waiting = await queueAlert()
    await app.payload.jobs.run({ allQueues: true })
    await app.payload.jobs.runByID({ id: waiting.id })
    await untouched(waiting)
    expect(await app.payload.jobs.handleSchedules({ allQueues: true })).toEqual({ errored: [], queued: [], skipped: [] })
  })

  it('the run endpoints answer 409 to the cron and to super admins, and still 401/403 to others', async () => {
    const waiting = await queueAlert()
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    const superToken = await app.rest.login(superAdmin.email, PASSWORD)
    for (const path of ['/payload-jobs/run?allQueues=true', '/payload-jobs/handle-schedules?allQueues=true']) {
      const byCron = await app.rest.get(path, bearer)
      expect(byCron.status).toBe(409)
      expect(await byCron.json()).toMatchObject({ code: 'role_web', errors: [{ message: expect.stringContaining('ATELIER_ROLE=web') }] })
      expect((await app.rest.get(path, { token: superToken })).status).toBe(409)
      expect((await app.rest.get(path)).status).toBe(401)
    }
    await untouched(waiting)
  })
})
