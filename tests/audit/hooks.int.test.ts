// Every hook writes exactly one entry, in the same transaction as the change it records.
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Media, Role, Tenant, User } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { createTenant, createUser, PASSWORD, uploadForm } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('audit hooks', () => {
  let app: TestApp
  let tenantA: Tenant
  let tenantB: Tenant
  let admin: User
  let staff: User
  let adminToken: string
  let lastId = 0
  // The left entry is the client's own claim; the right one was appended by our (one, trusted) proxy.
  const headers = { 'User-Agent': 'AtelierTest/1.0', 'X-Forwarded-For': '198.51.100.66, 203.0.113.7', 'X-Request-Id': 'req-123' }

  /** Entries written since the previous call. */
  const newEntries = async () => {
    const entries = await auditEntries(app.payload, { id: { greater_than: lastId } })
    if (entries.length > 0) lastId = entries[entries.length - 1]!.id
    return entries
  }

  beforeAll(async () => {
    app = await startTestApp()
    tenantA = await createTenant(app.payload)
    tenantB = await createTenant(app.payload)
    admin = await createUser(app.payload, [{ role: 'admin', tenant: tenantA }])
    staff = await createUser(app.payload, [{ role: 'staff', tenant: tenantA }])
    await createUser(app.payload, [{ role: 'admin', tenant: tenantB }])
    adminToken = await app.rest.login(admin.email, PASSWORD)
  })
  beforeEach(async () => {
    await newEntries()
  })
  afterAll(() => app.close())

  it('create, update and delete write one entry each, with who, where and what changed', async () => {
    const created = await app.rest.post('/media', uploadForm({ alt: 'before', tenant: tenantA.id }), { headers, token: adminToken })
    const media = ((await created.json()) as { doc: Media }).doc
    const [createEntry, ...restAfterCreate] = await newEntries()
    expect(restAfterCreate).toEqual([])
    expect(createEntry).toMatchObject({
      action: 'create',
      actor: `users:${admin.id}`,
      collection: 'media',
      documentId: String(media.id),
      ip: '203.0.113.7',
      requestId: 'req-123',
      tenant: tenantA.id,
      user: admin.id,
      userAgent: 'AtelierTest/1.0',
    })

    await app.rest.patch(`/media/${media.id}`, { alt: 'after' }, { headers, token: adminToken })
    const updates = await newEntries()
    expect(updates).toHaveLength(1)
    expect(updates[0]!.action).toBe('update')
    expect(updates[0]!.changes).toEqual({ alt: { from: 'before', to: 'after' } })

    await app.rest.delete(`/media/${media.id}`, { headers, token: adminToken })
    const deletes = await newEntries()
    expect(deletes.map((entry) => [entry.action, entry.documentId])).toEqual([['delete', String(media.id)]])
  })

  it('redacts passwords in the diff of a user', async () => {
    await app.rest.patch(`/users/${staff.id}`, { name: 'Renamed', password: 'another-password-1' }, { token: adminToken })
    const [entry] = await newEntries()
    const changes = entry!.changes as Record<string, { from: unknown; to: unknown }>
    expect(changes.name).toEqual({ from: null, to: 'Renamed' })
    expect(changes.hash).toEqual({ from: '[redacted]', to: '[redacted]' })
    expect(changes.salt).toEqual({ from: '[redacted]', to: '[redacted]' })
    const stored = await app.payload.findByID({ id: staff.id, collection: 'users', showHiddenFields: true })
    const text = JSON.stringify(entry!.changes)
    expect(text).not.toContain('another-password-1')
    expect(text).not.toContain((stored as unknown as { hash: string }).hash)
  })

  it('login, failed login and logout write one entry each', async () => {
    const token = await app.rest.login(staff.email, 'another-password-1')
    expect((await newEntries()).map((entry) => [entry.action, entry.user])).toEqual([['login', staff.id]])

    await app.rest.post('/users/login', { email: staff.email.toUpperCase(), password: 'wrong' })
    expect((await newEntries()).map((entry) => [entry.action, entry.subject, entry.user])).toEqual([['login_failed', staff.email, null]])

    await app.rest.post('/users/logout', {}, { token })
    expect((await newEntries()).map((entry) => entry.action)).toEqual(['logout'])
  })

  it('a single read of a sensitive collection is a view; a list or one’s own account is not', async () => {
    await app.rest.get(`/users/${staff.id}`, { token: adminToken })
    expect((await newEntries()).map((entry) => [entry.action, entry.documentId])).toEqual([['view', String(staff.id)]])
    await app.rest.get('/users', { token: adminToken })
    await app.rest.get('/users/me', { token: adminToken })
    await app.rest.get(`/users/${admin.id}`, { token: adminToken })
    expect(await newEntries()).toEqual([])
  })

  it('a refused action is recorded as permission_denied, even from a custom endpoint', async () => {
    const staffToken = await app.rest.login(staff.email, 'another-password-1')
    await newEntries()
    expect((await app.rest.patch(`/tenants/${tenantA.id}`, { name: 'x' }, { token: staffToken })).status).toBe(403)
    expect((await app.rest.post(`/tenants/${tenantA.id}/members`, { email: 'x@y.test', role: 'staff' }, { token: staffToken })).status).toBe(403)
    expect((await newEntries()).map((entry) => [entry.action, entry.user])).toEqual([
      ['permission_denied', staff.id],
      ['permission_denied', staff.id],
    ])
  })

  it('role assignment, revocation and expiry are three distinct actions', async () => {
    const viewer: Role = await app.payload.create({ collection: 'roles', data: { name: 'Viewer', permissions: [{ actions: ['read'], resource: 'media' }], slug: 'viewer', tenant: tenantA.id } })
    await newEntries()
    await app.rest.post(`/users/${staff.id}/roles`, { role: viewer.id, tenant: tenantA.id }, { token: adminToken })
    await app.rest.delete(`/users/${staff.id}/roles/${viewer.id}`, { token: adminToken })
    await app.payload.create({ collection: 'role-assignments', data: { expiresAt: new Date(Date.now() - 1000).toISOString(), role: viewer.id, tenant: tenantA.id, user: staff.id } })
    await app.payload.jobs.queue({ input: {}, task: 'expireRoleAssignments' } as never)
    await app.payload.jobs.run()
    const actions = (await newEntries()).filter((entry) => entry.collection === 'role-assignments').map((entry) => entry.action)
    expect(actions).toEqual(['role_assigned', 'role_revoked', 'role_assigned', 'role_expired'])
  })

  it('a rolled-back write leaves neither the document nor its entry', async () => {
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    await app.payload.create({
      collection: 'tenants',
      data: { name: 'Ghost', defaultCurrency: 'EUR', defaultLocale: 'en', slug: 'ghost-studio', status: 'active', timezone: 'UTC' },
      req,
    })
    await killTransaction(req)
    expect((await app.payload.count({ collection: 'tenants', where: { slug: { equals: 'ghost-studio' } } })).totalDocs).toBe(0)
    expect(await newEntries()).toEqual([])
  })

  describe('the audit log itself', () => {
    it('is immutable over REST, even for a super admin', async () => {
      const [entry] = await auditEntries(app.payload, { tenant: { equals: tenantA.id } })
      const superAdmin = await createUser(app.payload, [], { superAdmin: true })
      const token = await app.rest.login(superAdmin.email, PASSWORD)
      expect((await app.rest.patch(`/audit-logs/${entry!.id}`, { action: 'nothing' }, { token })).status).toBe(403)
      expect((await app.rest.delete(`/audit-logs/${entry!.id}`, { token })).status).toBe(403)
      expect((await app.rest.post('/audit-logs', { action: 'forged' }, { token })).status).toBe(403)
      expect((await app.payload.findByID({ id: entry!.id, collection: 'audit-logs' })).action).toBe(entry!.action)
    })

    it('shows a tenant admin their tenant’s entries only', async () => {
      const foreign = (await auditEntries(app.payload, { tenant: { equals: tenantB.id } }))[0]!
      const response = await app.rest.get('/audit-logs?limit=1000&depth=0', { token: adminToken })
      const { docs } = (await response.json()) as { docs: { tenant: number }[] }
      expect(docs.length).toBeGreaterThan(0)
      expect(docs.every((doc) => doc.tenant === tenantA.id)).toBe(true)
      expect((await app.rest.get(`/audit-logs/${foreign.id}`, { token: adminToken })).status).toBe(404)
    })

    it('is not readable by staff, who lack audit:read', async () => {
      const staffToken = await app.rest.login(staff.email, 'another-password-1')
      expect((await app.rest.get('/audit-logs', { token: staffToken })).status).toBe(403)
    })
  })
})
