// Stats, the streamed CSV export (100,000 rows) and retention cleanup, over REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { parseCsv } from '../helpers/csv'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { seedAuditRows } from '../helpers/seedAuditRows'

describe('audit reporting', () => {
  let app: TestApp
  let bigTenant: Tenant
  let smallTenant: Tenant
  let ownerToken: string
  let adminToken: string
  let otherOwnerToken: string

  beforeAll(async () => {
    app = await startTestApp()
    bigTenant = await createTenant(app.payload)
    smallTenant = await createTenant(app.payload, { auditRetentionDays: 30 })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant: bigTenant }])
    const admin = await createUser(app.payload, [{ role: 'admin', tenant: bigTenant }])
    const otherOwner = await createUser(app.payload, [{ role: 'owner', tenant: smallTenant }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    adminToken = await app.rest.login(admin.email, PASSWORD)
    otherOwnerToken = await app.rest.login(otherOwner.email, PASSWORD)
    await seedAuditRows(app.payload, { count: 100_000, tenantId: bigTenant.id })
  })
  afterAll(() => app.close())

  it('streams 100,000 rows as RFC 4180 CSV that parses back to the same count', async () => {
    const response = await app.rest.get('/audit-logs/export?collection=media', { token: adminToken })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const rows = parseCsv(await response.text())
    expect(rows[0]).toEqual(['id', 'createdAt', 'action', 'collection', 'documentId', 'tenant', 'user', 'subject', 'actor', 'ip', 'userAgent', 'requestId', 'riskScore', 'riskReasons', 'changes'])
    expect(rows).toHaveLength(100_001)
    const quoted = rows.find((row) => row[4] === '97')!
    expect(quoted[10]).toBe('Agent, "quoted"\nsecond line')
    expect(JSON.parse(quoted[14]!)).toEqual({ alt: { from: 'a', to: 'b' } })
  })

  it('records the export, flagged as large', async () => {
    const [entry] = await auditEntries(app.payload, { action: { equals: 'export' } })
    expect(entry).toMatchObject({ rowCount: 100_000, tenant: bigTenant.id })
    expect((entry!.riskReasons as string[]).join()).toMatch(/Large export: 100000 rows/)
  })

  it('applies the filters to the export', async () => {
    const response = await app.rest.get('/audit-logs/export?action=update&minRisk=100&ip=203.0.113.0', { token: adminToken })
    const rows = parseCsv(await response.text()).slice(1)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row[2] === 'update' && row[12] === '100' && row[9] === '203.0.113.0')).toBe(true)
  })

  it('gives counts by action, day and user, and the high-risk count', async () => {
    const response = await app.rest.get('/audit-logs/stats?collection=media', { token: adminToken })
    expect(response.status).toBe(200)
    const stats = (await response.json()) as { byAction: Record<string, number>; byDay: Record<string, number>; highRisk: number; total: number }
    expect(stats.total).toBe(100_000)
    expect(stats.byAction).toEqual({ create: 66_667, update: 33_333 })
    expect(Object.values(stats.byDay).reduce((sum, count) => sum + count, 0)).toBe(100_000)
    // risk_score = n % 101: 31 of every 101 rows score 70–100; 990 whole cycles fit in 100,000, the 10 left score 1–10.
    expect(stats.highRisk).toBe(30_690)
  })

  it('answers bad filters with 400 and the field path', async () => {
    const response = await app.rest.get('/audit-logs/stats?minRisk=200&from=yesterday', { token: adminToken })
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: { path: string }[] }
    expect(errors.map((error) => error.path).sort()).toEqual(['from', 'minRisk'])
    expect((await app.rest.get('/audit-logs/export?sneaky=1', { token: adminToken })).status).toBe(400)
  })

  it('keeps other tenants’ entries out of stats and export', async () => {
    const stats = (await (await app.rest.get('/audit-logs/stats?collection=media', { token: otherOwnerToken })).json()) as { total: number }
    expect(stats.total).toBe(0)
    const rows = parseCsv(await (await app.rest.get('/audit-logs/export?collection=media', { token: otherOwnerToken })).text())
    expect(rows).toHaveLength(1)
  })

  describe('cleanup', () => {
    it('needs audit:delete', async () => {
      expect((await app.rest.post('/audit-logs/cleanup', {}, { token: adminToken })).status).toBe(403)
    })

    it('deletes entries past each tenant’s retention, in the caller’s tenants only, and is audited', async () => {
      await seedAuditRows(app.payload, { ageDays: 40, count: 10, tenantId: smallTenant.id })
      await seedAuditRows(app.payload, { ageDays: 40, count: 10, tenantId: bigTenant.id })
      await seedAuditRows(app.payload, { ageDays: 400, count: 5, tenantId: bigTenant.id })

      const small = await app.rest.post('/audit-logs/cleanup', {}, { token: otherOwnerToken })
      expect(await small.json()).toEqual({ deleted: 10 })
      const big = await app.rest.post('/audit-logs/cleanup', {}, { token: ownerToken })
      // 40-day-old rows stay under the default 365 days; 400-day-old ones go.
      expect(await big.json()).toEqual({ deleted: 5 })

      const cleanups = await auditEntries(app.payload, { action: { equals: 'cleanup' } })
      expect(cleanups.map((entry) => [entry.tenant, entry.rowCount])).toEqual([
        [smallTenant.id, 10],
        [bigTenant.id, 5],
      ])
    })

    it('also runs as the scheduled retention job', async () => {
      await seedAuditRows(app.payload, { ageDays: 500, count: 3, tenantId: bigTenant.id })
      await app.payload.jobs.queue({ input: {}, task: 'auditRetention' } as never)
      await app.payload.jobs.run({ queue: 'default' })
      const [entry] = (await auditEntries(app.payload, { action: { equals: 'cleanup' } })).slice(-1)
      expect(entry!.rowCount).toBe(3)
    })
  })
})
