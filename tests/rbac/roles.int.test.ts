// RBAC over REST on real PostgreSQL: inheritance, expiry, cycles, escalation and tenant scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Role, Tenant, User } from '../../payload-types'

import { createTenant, createUser, PASSWORD, uploadForm } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type ErrorBody = { errors: { data?: { errors?: { message: string; path: string }[] }; message: string }[] }

describe('RBAC', () => {
  let app: TestApp
  let tenantA: Tenant
  let tenantB: Tenant
  let adminA: User
  let artist: User
  let superToken: string
  let adminToken: string
  let artistToken: string

  const createRole = async (data: Record<string, unknown>, token = superToken) => {
    const response = await app.rest.post('/roles', data, { token })
    return { body: (await response.json()) as { doc: Role } & ErrorBody, status: response.status }
  }
  const upload = async (token: string) => {
    const response = await app.rest.post('/media', uploadForm({ alt: 'x', tenant: tenantA.id }), { token })
    expect(response.status).toBe(201)
    return ((await response.json()) as { doc: Media }).doc
  }

  beforeAll(async () => {
    app = await startTestApp()
    tenantA = await createTenant(app.payload)
    tenantB = await createTenant(app.payload)
    adminA = await createUser(app.payload, [{ role: 'admin', tenant: tenantA }])
    artist = await createUser(app.payload, [{ role: 'artist', tenant: tenantA }])
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    superToken = await app.rest.login(superAdmin.email, PASSWORD)
    adminToken = await app.rest.login(adminA.email, PASSWORD)
    artistToken = await app.rest.login(artist.email, PASSWORD)
  })
  afterAll(() => app.close())

  it('seeds the five system roles, owner inheriting admin inheriting editor and staff', async () => {
    const { docs } = await app.payload.find({ collection: 'roles', depth: 0, where: { tenant: { exists: false } } })
    const bySlug = new Map(docs.map((role) => [role.slug, role]))
    expect([...bySlug.keys()].sort()).toEqual(['admin', 'artist', 'editor', 'owner', 'staff'])
    expect(bySlug.get('owner')!.inherits).toEqual([bySlug.get('admin')!.id])
    expect(bySlug.get('admin')!.inherits).toEqual([bySlug.get('editor')!.id, bySlug.get('staff')!.id])
  })

  describe('a three-level chain of tenant roles', () => {
    let deleter: Role
    let middle: Role
    let top: Role

    beforeAll(async () => {
      deleter = (await createRole({ name: 'Deleter', permissions: [{ actions: ['delete'], resource: 'media' }], slug: 'deleter', tenant: tenantA.id })).body.doc
      middle = (await createRole({ name: 'Middle', inherits: [deleter.id], slug: 'middle', tenant: tenantA.id })).body.doc
      top = (await createRole({ name: 'Top', inherits: [middle.id], slug: 'top', tenant: tenantA.id })).body.doc
    })

    it('grants the grandparent’s permission through an assignment of the top role', async () => {
      const media = await upload(artistToken)
      // An artist may upload but not delete.
      expect((await app.rest.delete(`/media/${media.id}`, { token: artistToken })).status).toBe(403)

      const assigned = await app.rest.post('/role-assignments', { role: top.id, tenant: tenantA.id, user: artist.id }, { token: adminToken })
      expect(assigned.status).toBe(201)
      expect((await app.rest.delete(`/media/${media.id}`, { token: artistToken })).status).toBe(200)
    })

    it('stops granting the instant an assignment expires, with no job run', async () => {
      const other = await createUser(app.payload, [{ role: 'artist', tenant: tenantA }])
      const token = await app.rest.login(other.email, PASSWORD)
      const assignment = await app.payload.create({
        collection: 'role-assignments',
        data: { expiresAt: new Date(Date.now() + 3_600_000).toISOString(), role: top.id, tenant: tenantA.id, user: other.id },
      })

      const first = await upload(token)
      expect((await app.rest.delete(`/media/${first.id}`, { token })).status).toBe(200)
      // The expiry passes (moved to a moment ago rather than waited for, so a loaded machine cannot outrun it).
      await app.payload.update({ id: assignment.id, collection: 'role-assignments', data: { expiresAt: new Date(Date.now() - 1_000).toISOString() } })
      const second = await upload(token)
      expect((await app.rest.delete(`/media/${second.id}`, { token })).status).toBe(403)
    })

    it('refuses a direct and a transitive inheritance cycle with 400 on inherits', async () => {
      for (const inherits of [[deleter.id], [top.id]]) {
        const response = await app.rest.patch(`/roles/${deleter.id}`, { inherits }, { token: superToken })
        expect(response.status).toBe(400)
        const body = (await response.json()) as ErrorBody
        expect(body.errors[0]!.data!.errors![0]).toMatchObject({ path: 'inherits' })
        expect(body.errors[0]!.data!.errors![0]!.message).toMatch(/cycle/)
      }
      const stored = await app.payload.findByID({ id: deleter.id, collection: 'roles', depth: 0 })
      expect(stored.inherits).toEqual([])
    })
  })

  describe('no escalation', () => {
    it('refuses a tenant role granting a permission its author lacks', async () => {
      const refused = await createRole({ name: 'Auditor', permissions: [{ actions: ['delete'], resource: 'audit' }], slug: 'auditor', tenant: tenantA.id }, adminToken)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0]!.message).toMatch(/audit:delete/)
      const allowed = await createRole({ name: 'Viewer', permissions: [{ actions: ['read'], resource: 'media' }], slug: 'viewer', tenant: tenantA.id }, adminToken)
      expect(allowed.status).toBe(201)
    })

    it('records each refused escalation in the audit log', async () => {
      const denials = async () =>
        (await app.payload.find({ collection: 'audit-logs', depth: 0, pagination: false, sort: 'id', where: { and: [{ action: { equals: 'permission_denied' } }, { user: { equals: adminA.id } }] } })).docs
      const before = (await denials()).length
      await createRole({ name: 'Auditor 2', permissions: [{ actions: ['delete'], resource: 'audit' }], slug: 'auditor-2', tenant: tenantA.id }, adminToken)
      const owner = (await app.payload.find({ collection: 'roles', where: { slug: { equals: 'owner' } } })).docs[0]!
      await app.rest.post(`/users/${artist.id}/roles`, { role: owner.id, tenant: tenantA.id }, { token: adminToken })
      const entries = (await denials()).slice(before)
      expect(entries.map((entry) => entry.collection)).toEqual(['roles', 'users'])
      for (const entry of entries) {
        expect((entry.details as { message: string }).message).toMatch(/cannot grant permissions you do not hold/)
        expect(entry.tenant).toBe(tenantA.id)
      }
    })

    it('refuses inheriting a role that holds more than the author', async () => {
      const owner = (await app.payload.find({ collection: 'roles', where: { slug: { equals: 'owner' } } })).docs[0]!
      const refused = await createRole({ name: 'Sneaky', inherits: [owner.id], slug: 'sneaky', tenant: tenantA.id }, adminToken)
      expect(refused.status).toBe(403)
    })

    it('refuses assigning a role that holds more than the assigner', async () => {
      const owner = (await app.payload.find({ collection: 'roles', where: { slug: { equals: 'owner' } } })).docs[0]!
      const response = await app.rest.post('/role-assignments', { role: owner.id, tenant: tenantA.id, user: artist.id }, { token: adminToken })
      expect(response.status).toBe(403)
      expect((await app.payload.count({ collection: 'role-assignments', where: { role: { equals: owner.id } } })).totalDocs).toBe(0)
    })

    it('refuses system-role writes to tenant admins', async () => {
      expect((await createRole({ name: 'Global', slug: 'global' }, adminToken)).status).toBe(403)
      const staff = (await app.payload.find({ collection: 'roles', where: { slug: { equals: 'staff' } } })).docs[0]!
      const patched = await app.rest.patch(`/roles/${staff.id}`, { name: 'Hijacked' }, { token: adminToken })
      expect([403, 404]).toContain(patched.status)
    })

    it('refuses unknown resources and actions', async () => {
      const response = await createRole({ name: 'Odd', permissions: [{ actions: ['fly'], resource: 'media' }], slug: 'odd', tenant: tenantA.id })
      expect(response.status).toBe(400)
    })
  })

  describe('tenant scope', () => {
    it('shows system roles and own-tenant roles only', async () => {
      await createRole({ name: 'B only', slug: 'b-only', tenant: tenantB.id })
      const response = await app.rest.get('/roles', { query: { depth: 0, limit: 100 }, token: adminToken })
      const { docs } = (await response.json()) as { docs: Role[] }
      expect(docs.every((role) => role.tenant === null || role.tenant === undefined || role.tenant === tenantA.id)).toBe(true)
      expect(docs.some((role) => role.slug === 'b-only')).toBe(false)
    })

    it('shows tenant roles only to those with roles:read; system roles to everyone', async () => {
      const response = await app.rest.get('/roles', { query: { depth: 0, limit: 100 }, token: artistToken })
      const { docs } = (await response.json()) as { docs: Role[] }
      expect(docs.length).toBeGreaterThan(0)
      expect(docs.every((role) => !role.tenant)).toBe(true)
    })

    it('refuses creating a role or an assignment in another tenant', async () => {
      expect((await createRole({ name: 'Intruder', slug: 'intruder', tenant: tenantB.id }, adminToken)).status).toBe(403)
      const staff = (await app.payload.find({ collection: 'roles', where: { slug: { equals: 'staff' } } })).docs[0]!
      const response = await app.rest.post('/role-assignments', { role: staff.id, tenant: tenantB.id, user: adminA.id }, { token: adminToken })
      expect([400, 403]).toContain(response.status)
    })
  })
})
