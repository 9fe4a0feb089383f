// Two web nodes and a worker on one database, as in production (docs/scaling.md): two `npm start` processes
// with ATELIER_ROLE=web on their own ports, the same DATABASE_URL and PAYLOAD_SECRET, uploads in one bucket
// (s3rver), mail to one SMTP server, and `npm run worker`. Whatever must hold once holds across the nodes:
// one booking per slot, one rate limit per client, one run per job, one copy of each upload.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { localSlot } from '../helpers/booking'
import { createThrowawayDatabase, dropDatabase } from '../helpers/databaseServer'
import { tinyPng, uploadForm } from '../helpers/fixtures'
import { type S3TestServer, startS3Server } from '../helpers/s3Server'
import { type ReceivedMail, type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'
import { startHealthyWorker, type WorkerProcess } from '../helpers/workerProcess'
import { freePort, startApp, type StartedApp, waitForHealth } from './app'
import { EVERY_DAY } from './harness'

const PUBLIC_LIMIT = 10
const ADMIN = { email: `ops-${randomBytes(3).toString('hex')}@studio.test`, password: 'a-long-production-password' }

type Node = { app: StartedApp; baseUrl: string }
type Answer = { body: Record<string, unknown>; status: number }

describe('two web nodes and a worker', () => {
  let smtp: SmtpTestServer
  let s3: S3TestServer
  let database: { name: string; url: string }
  let nodes: Node[] = []
  let worker: WorkerProcess | undefined
  let token = ''
  let roomId = 0
  const tenant = { slug: `nodes-${randomBytes(2).toString('hex')}`, timezone: 'Europe/Paris' }
  let ipCounter = 0
  /** A client address of its own, as the proxy in front of the nodes would append it. */
  const freshIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`

  const call = async (node: Node, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${node.baseUrl}/api${route}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
      method,
    })
    const text = await response.text()
    return { body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {}, status: response.status }
  }
  const asAdmin = { Authorization: '' }
  const query = async <Row,>(text: string, values: unknown[] = []): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      return (await client.query(text, values)).rows as Row[]
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    s3 = await startS3Server()
    database = await createThrowawayDatabase(inject('databaseServerUrl'), inject('testRunId'))
    const shared = {
      ...smtp.env,
      ...s3.env,
      ATELIER_ADMIN_EMAIL: ADMIN.email,
      ATELIER_ADMIN_PASSWORD: ADMIN.password,
      ATELIER_PUBLIC_RATE_LIMIT: String(PUBLIC_LIMIT),
      ATELIER_ROLE: 'web',
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    }
    const startNode = async (): Promise<Node> => {
      const port = await freePort()
      const baseUrl = `http://127.0.0.1:${port}`
      const node = { app: startApp({ ...shared, ATELIER_PUBLIC_URL: baseUrl, PORT: String(port) }), baseUrl }
      nodes.push(node)
      await waitForHealth(baseUrl, node.app)
      return node
    }
    // The first node applies the migrations; the second and the worker then find none pending.
    const nodeA = await startNode()
    const [, started] = await Promise.all([startNode(), startHealthyWorker({ ...shared, ATELIER_ROLE: 'worker' })])
    worker = started

    const login = await call(nodeA, 'POST', '/users/login', ADMIN)
    token = (login.body as { token: string }).token
    asAdmin.Authorization = `JWT ${token}`
    const studio = await call(nodeA, 'POST', '/tenants', { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Two Nodes', ...tenant }, asAdmin)
    expect(studio.status).toBe(201)
    const tenantId = (studio.body.doc as { id: number }).id
    const policy = await call(nodeA, 'POST', '/booking-policies', { depositPercent: 25, depositType: 'percentage', holdMinutes: 30, isDefault: true, name: 'Standard', tenant: tenantId }, asAdmin)
    expect(policy.status).toBe(201)
    const room = await call(
      nodeA,
      'POST',
      '/rooms',
      {
        active: true,
        bufferMinutes: 0,
        capacity: 1,
        hourlyRate: 4000,
        leadTimeMinutes: 0,
        maxMinutes: 120,
        minMinutes: 60,
        name: 'The only room',
        openingHours: EVERY_DAY.map((weekday) => ({ closes: '20:00', opens: '08:00', weekday })),
        slotStepMinutes: 60,
        slug: 'only',
        tenant: tenantId,
      },
      asAdmin,
    )
    expect(room.status).toBe(201)
    roomId = (room.body.doc as { id: number }).id
  })

  afterAll(async () => {
    await worker?.stop()
    for (const node of nodes) node.app.process.kill('SIGTERM')
    await Promise.all(nodes.map((node) => node.app.exit))
    if (database) await dropDatabase(inject('databaseServerUrl'), database.name)
    await s3?.close()
    await smtp?.close()
    nodes = []
  })

  const winner = { email: 'winner-unknown@example.test' }

  it('100 bookings of one slot, 50 at a time split across both nodes: one 201, ninety-nine 409 slot_taken', async () => {
    const start = localSlot(tenant, 14, '10:00')
    const end = localSlot(tenant, 14, '11:00')
    const emails = Array.from({ length: 100 }, (_, index) => `c${index}@example.test`)
    const book = (email: string, index: number) =>
      call(nodes[index % 2]!, 'POST', '/public/booking', { customer: { email, name: `Customer ${index}` }, end, room: roomId, start, tenant: tenant.slug }, { 'X-Forwarded-For': freshIp() })
    // Two waves of 50: 100 at once on this 2-core machine, two Next processes and the worker on it, made
    // about half the runs wait over the pool's 5 s for a connection (500s), which is load, not the race.
    const answers = [...(await Promise.all(emails.slice(0, 50).map(book))), ...(await Promise.all(emails.slice(50).map((email, index) => book(email, index + 50))))]
    const created = answers.flatMap((answer, index) => (answer.status === 201 ? [emails[index]!] : []))
    expect(created).toHaveLength(1)
    winner.email = created[0]!
    const refused = answers.filter(({ status }) => status === 409)
    expect(refused.length, JSON.stringify(answers.filter(({ status }) => status !== 409 && status !== 201))).toBe(99)
    expect(refused.every(({ body }) => body.code === 'slot_taken')).toBe(true)
    expect(await query<{ n: number }>('select count(*)::int as n from bookings where room_id = $1', [roomId])).toEqual([{ n: 1 }])
  })

  it(`one client's public limit (${PUBLIC_LIMIT} a minute) counts across both nodes`, async () => {
    const ip = freshIp()
    const statuses: number[] = []
    for (let index = 0; index < PUBLIC_LIMIT + 5; index++) {
      statuses.push((await call(nodes[index % 2]!, 'GET', `/public/rooms/${roomId}/availability`, undefined, { 'X-Forwarded-For': ip })).status)
    }
    expect(statuses.filter((status) => status !== 429)).toHaveLength(PUBLIC_LIMIT)
    expect(statuses.slice(PUBLIC_LIMIT).every((status) => status === 429)).toBe(true)
    // Both nodes did refuse: the count is not per node.
    expect(new Set(statuses.flatMap((status, index) => (status === 429 ? [index % 2] : []))).size).toBe(2)
  })

  it('a job queued through node A runs once, in the worker: one lookup email', async () => {
    const answer = await call(nodes[0]!, 'GET', `/public/bookings/search?email=${encodeURIComponent(winner.email)}`, undefined, { 'X-Forwarded-For': freshIp() })
    expect(answer.status).toBe(202)
    // The booking's own emails went to the same address; the lookup's carries its link.
    const isLookup = (mail: ReceivedMail) => mail.to.includes(winner.email) && mail.body.includes('/bookings?token=')
    await smtp.waitFor(isLookup, 30_000)
    // Two more worker passes: nothing runs it again. A completed job is deleted (Payload's deleteJobOnComplete),
    // so no row is left: none pending, none failed.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(await query(`select id from payload_jobs where task_slug = 'sendBookingLookup'`)).toEqual([])
    expect(smtp.messages.filter(isLookup)).toHaveLength(1)
  })

  it('an upload through node A is served by node B from the bucket', async () => {
    const tenantId = (await query<{ id: number }>('select id from tenants where slug = $1', [tenant.slug]))[0]!.id
    const uploaded = await fetch(`${nodes[0]!.baseUrl}/api/media`, { body: uploadForm({ alt: 'shared', tenant: tenantId }), headers: asAdmin, method: 'POST' })
    expect(uploaded.status).toBe(201)
    const { filename } = ((await uploaded.json()) as { doc: { filename: string } }).doc
    const served = await fetch(`${nodes[1]!.baseUrl}/api/media/file/${encodeURIComponent(filename)}`, { headers: asAdmin })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(await tinyPng().arrayBuffer()))).toBe(true)
  })
})
