// A member of tenant A can neither read nor write tenant B's documents, over REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Tenant, User } from '../../payload-types'

import { createTenant, createUser, PASSWORD, uploadForm } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type ListBody<T> = { docs: T[]; totalDocs: number }

describe('tenant isolation over REST', () => {
  let app: TestApp
  let tenantA: Tenant
  let tenantB: Tenant
  let adminA: User
  let adminB: User
  let tokenA: string
  let mediaA: Media
  let mediaB: Media

  beforeAll(async () => {
    app = await startTestApp()
    tenantA = await createTenant(app.payload, { name: 'Studio A' })
    tenantB = await createTenant(app.payload, { name: 'Studio B' })
    adminA = await createUser(app.payload, [{ role: 'admin', tenant: tenantA }])
    adminB = await createUser(app.payload, [{ role: 'admin', tenant: tenantB }])
    tokenA = await app.rest.login(adminA.email, PASSWORD)
    const tokenB = await app.rest.login(adminB.email, PASSWORD)

    const uploadedA = await app.rest.post('/media', uploadForm({ alt: 'A', tenant: tenantA.id }), { token: tokenA })
    const uploadedB = await app.rest.post('/media', uploadForm({ alt: 'B', tenant: tenantB.id }), { token: tokenB })
    expect(uploadedA.status).toBe(201)
    expect(uploadedB.status).toBe(201)
    mediaA = ((await uploadedA.json()) as { doc: Media }).doc
    mediaB = ((await uploadedB.json()) as { doc: Media }).doc
  })
  afterAll(() => app.close())

  describe('tenant-scoped collection (media)', () => {
    it('lists only the own tenant’s documents', async () => {
      const response = await app.rest.get('/media', { query: { limit: 100 }, token: tokenA })
      const body = (await response.json()) as ListBody<Media>
      expect(response.status).toBe(200)
      expect(body.docs.map((doc) => doc.id)).toEqual([mediaA.id])
    })

    it('cannot get another tenant’s document by id', async () => {
      expect((await app.rest.get(`/media/${mediaB.id}`, { token: tokenA })).status).toBe(404)
    })

    it('cannot update another tenant’s document', async () => {
      const response = await app.rest.patch(`/media/${mediaB.id}`, { alt: 'hijacked' }, { token: tokenA })
      expect([403, 404]).toContain(response.status)
      const stored = await app.payload.findByID({ id: mediaB.id, collection: 'media' })
      expect(stored.alt).toBe('B')
    })

    it('cannot delete another tenant’s document', async () => {
      const response = await app.rest.delete(`/media/${mediaB.id}`, { token: tokenA })
      expect([403, 404]).toContain(response.status)
      expect((await app.payload.count({ collection: 'media', where: { id: { equals: mediaB.id } } })).totalDocs).toBe(1)
    })

    it('cannot bulk-update or bulk-delete across tenants through a where query', async () => {
      await app.rest.patch('/media', { alt: 'bulk' }, { query: { where: { alt: { equals: 'B' } } }, token: tokenA })
      await app.rest.delete('/media', { query: { where: { alt: { equals: 'B' } } }, token: tokenA })
      const stored = await app.payload.findByID({ id: mediaB.id, collection: 'media' })
      expect(stored.alt).toBe('B')
    })

    it('cannot create a document in another tenant', async () => {
      const response = await app.rest.post('/media', uploadForm({ alt: 'intruder', tenant: tenantB.id }), { token: tokenA })
      expect([400, 403]).toContain(response.status)
      expect((await app.payload.count({ collection: 'media', where: { alt: { equals: 'intruder' } } })).totalDocs).toBe(0)
    })

    it('cannot move its own document into another tenant', async () => {
      const response = await app.rest.patch(`/media/${mediaA.id}`, { tenant: tenantB.id }, { token: tokenA })
      expect([400, 403]).toContain(response.status)
      const stored = await app.payload.findByID({ id: mediaA.id, collection: 'media', depth: 0 })
      expect(stored.tenant).toBe(tenantA.id)
    })
  })

  describe('tenants', () => {
    it('lists only the tenants the user belongs to', async () => {
      const body = (await (await app.rest.get('/tenants', { token: tokenA })).json()) as ListBody<Tenant>
      expect(body.docs.map((tenant) => tenant.id)).toEqual([tenantA.id])
    })

    it('cannot read, update or delete another tenant', async () => {
      expect((await app.rest.get(`/tenants/${tenantB.id}`, { token: tokenA })).status).toBe(404)
      expect([403, 404]).toContain((await app.rest.patch(`/tenants/${tenantB.id}`, { name: 'Taken' }, { token: tokenA })).status)
      expect([403, 404]).toContain((await app.rest.delete(`/tenants/${tenantB.id}`, { token: tokenA })).status)
      const stored = await app.payload.findByID({ id: tenantB.id, collection: 'tenants' })
      expect(stored.name).toBe('Studio B')
    })

    it('lets an admin rename their own tenant but not change its status', async () => {
      const renamed = await app.rest.patch(`/tenants/${tenantA.id}`, { name: 'Studio A+' }, { token: tokenA })
      expect(renamed.status).toBe(200)
      await app.rest.patch(`/tenants/${tenantA.id}`, { status: 'suspended' }, { token: tokenA })
      const stored = await app.payload.findByID({ id: tenantA.id, collection: 'tenants' })
      expect(stored).toMatchObject({ name: 'Studio A+', status: 'active' })
    })
  })

  describe('users', () => {
    it('lists only users who share a tenant', async () => {
      const body = (await (await app.rest.get('/users', { query: { limit: 100 }, token: tokenA })).json()) as ListBody<User>
      const ids = body.docs.map((user) => user.id)
      expect(ids).toContain(adminA.id)
      expect(ids).not.toContain(adminB.id)
    })

    it('cannot read, update or delete a user of another tenant', async () => {
      expect((await app.rest.get(`/users/${adminB.id}`, { token: tokenA })).status).toBe(404)
      const patched = await app.rest.patch(`/users/${adminB.id}`, { email: 'stolen@evil.test' }, { token: tokenA })
      expect([403, 404]).toContain(patched.status)
      expect([403, 404]).toContain((await app.rest.delete(`/users/${adminB.id}`, { token: tokenA })).status)
      const stored = await app.payload.findByID({ id: adminB.id, collection: 'users' })
      expect(stored.email).toBe(adminB.email)
    })

    it('cannot join another tenant by editing its own memberships', async () => {
      // Memberships are writable by super admins only: Payload drops the field for anyone else.
      await app.rest.patch(
        `/users/${adminA.id}`,
        { tenants: [{ role: 'admin', tenant: tenantA.id }, { role: 'owner', tenant: tenantB.id }] },
        { token: tokenA },
      )
      const stored = await app.payload.findByID({ id: adminA.id, collection: 'users', depth: 0 })
      expect(stored.tenants?.map(({ role, tenant }) => ({ role, tenant }))).toEqual([{ role: 'admin', tenant: tenantA.id }])
    })

    it('cannot create accounts directly, in any tenant', async () => {
      const response = await app.rest.post(
        '/users',
        { email: 'planted@atelier.test', password: PASSWORD, tenants: [{ role: 'staff', tenant: tenantB.id }] },
        { token: tokenA },
      )
      expect(response.status).toBe(403)
      expect((await app.payload.count({ collection: 'users', where: { email: { equals: 'planted@atelier.test' } } })).totalDocs).toBe(0)
    })

    it('cannot edit the account of someone who also belongs to another tenant', async () => {
      const shared = await createUser(app.payload, [
        { role: 'staff', tenant: tenantA },
        { role: 'owner', tenant: tenantB },
      ])
      const response = await app.rest.patch(`/users/${shared.id}`, { email: 'takeover@evil.test' }, { token: tokenA })
      expect(response.status).toBe(403)
      const stored = await app.payload.findByID({ id: shared.id, collection: 'users' })
      expect(stored.email).toBe(shared.email)
    })
  })

  it('a super admin sees every tenant’s documents', async () => {
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    const token = await app.rest.login(superAdmin.email, PASSWORD)
    const media = (await (await app.rest.get('/media', { token })).json()) as ListBody<Media>
    expect(media.docs.map((doc) => doc.id).sort()).toEqual([mediaA.id, mediaB.id].sort())
  })

  it('an anonymous caller reads nothing', async () => {
    expect((await app.rest.get('/media')).status).toBe(403)
    expect((await app.rest.get('/tenants')).status).toBe(403)
    expect((await app.rest.get('/users')).status).toBe(403)
  })
})
