// Payload's document locks and admin preferences over REST: a lock is seen and taken over only by people
// who share a studio with its holder; a preference belongs to its owner alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant, User } from '../../payload-types'

import { createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Lock = { document?: { relationTo: string; value: number | { id: number } }; id: number; user: { relationTo: string; value: number | { id: number } } }
type Preference = { id: number; key: string; user: { relationTo: string; value: number | { id: number } }; value: unknown }

const idOf = (value: number | { id: number }) => (typeof value === 'number' ? value : value.id)

describe('payload-locked-documents and payload-preferences over REST', () => {
  let app: TestApp
  let studioA: Tenant
  let studioB: Tenant
  let ownerA: User
  let staffA: User
  let staffB: User
  let roomA: Room
  let ownerAToken: string
  let staffAToken: string
  let staffBToken: string

  const lockRoom = (room: Room, holder: User) =>
    app.payload.create({ collection: 'payload-locked-documents', data: { document: { relationTo: 'rooms', value: room.id }, user: { relationTo: 'users', value: holder.id } } }) as Promise<Lock>
  const storedLock = (id: number) => app.payload.findByID({ id, collection: 'payload-locked-documents', depth: 0, disableErrors: true }) as Promise<Lock | null>

  beforeAll(async () => {
    app = await startTestApp()
    studioA = await createTenant(app.payload)
    studioB = await createTenant(app.payload)
    ownerA = await createUser(app.payload, [{ role: 'owner', tenant: studioA }])
    // An admin: the colleague who may edit rooms, and so sees and takes over their locks.
    staffA = await createUser(app.payload, [{ role: 'admin', tenant: studioA }])
    staffB = await createUser(app.payload, [{ role: 'staff', tenant: studioB }])
    roomA = await createRoom(app.payload, studioA)
    ownerAToken = await app.rest.login(ownerA.email, PASSWORD)
    staffAToken = await app.rest.login(staffA.email, PASSWORD)
    staffBToken = await app.rest.login(staffB.email, PASSWORD)
  })
  afterAll(() => app.close())

  describe('locks', () => {
    it('another studio’s member sees none of its locks', async () => {
      const lock = await lockRoom(roomA, ownerA)
      const list = await app.rest.get('/payload-locked-documents?limit=100&depth=1', { token: staffBToken })
      expect(list.status).toBe(200)
      const { docs } = (await list.json()) as { docs: Lock[] }
      expect(docs).toEqual([])
      expect((await app.rest.get(`/payload-locked-documents/${lock.id}`, { token: staffBToken })).status).toBe(404)
    })

    it('another studio’s member can neither release, take over nor plant a lock', async () => {
      const lock = await lockRoom(roomA, ownerA)
      expect([403, 404]).toContain((await app.rest.delete(`/payload-locked-documents/${lock.id}`, { token: staffBToken })).status)
      const takeOver = await app.rest.patch(`/payload-locked-documents/${lock.id}`, { user: { relationTo: 'users', value: staffB.id } }, { token: staffBToken })
      expect([403, 404]).toContain(takeOver.status)
      expect(idOf((await storedLock(lock.id))!.user.value)).toBe(ownerA.id)
      await app.rest.delete('/payload-locked-documents?where[id][exists]=true', { token: staffBToken })
      expect(await storedLock(lock.id)).not.toBeNull()

      const planted = await app.rest.post('/payload-locked-documents', { document: { relationTo: 'rooms', value: roomA.id }, user: { relationTo: 'users', value: staffB.id } }, { token: staffBToken })
      expect(planted.status).toBe(403)
    })

    it('a colleague sees the lock and may take it over for themselves, as the admin panel does', async () => {
      const lock = await lockRoom(roomA, ownerA)
      const list = await app.rest.get(`/payload-locked-documents?where[document.value][equals]=${roomA.id}&where[document.relationTo][equals]=rooms`, { token: staffAToken })
      const { docs } = (await list.json()) as { docs: Lock[] }
      expect(docs.map((doc) => doc.id)).toContain(lock.id)

      // Not in someone else's name, and not onto another document.
      const forOther = await app.rest.patch(`/payload-locked-documents/${lock.id}`, { user: { relationTo: 'users', value: staffB.id } }, { token: staffAToken })
      expect(forOther.status).toBe(403)
      const moved = await app.rest.patch(`/payload-locked-documents/${lock.id}`, { document: { relationTo: 'tenants', value: studioB.id } }, { token: staffAToken })
      expect(moved.status).toBe(403)

      const takeOver = await app.rest.patch(`/payload-locked-documents/${lock.id}`, { user: { relationTo: 'users', value: staffA.id } }, { token: staffAToken })
      expect(takeOver.status).toBe(200)
      expect(idOf((await storedLock(lock.id))!.user.value)).toBe(staffA.id)
      expect((await app.rest.delete(`/payload-locked-documents/${lock.id}`, { token: staffAToken })).status).toBe(200)
    })

    it('a colleague who may not edit the document does not see its lock', async () => {
      const lock = await lockRoom(roomA, ownerA)
      const artistA = await createUser(app.payload, [{ role: 'artist', tenant: studioA }])
      const artistToken = await app.rest.login(artistA.email, PASSWORD)
      expect((await app.rest.get(`/payload-locked-documents/${lock.id}`, { token: artistToken })).status).toBe(404)
      expect([403, 404]).toContain((await app.rest.delete(`/payload-locked-documents/${lock.id}`, { token: artistToken })).status)
      expect(await storedLock(lock.id)).not.toBeNull()
    })

    it('the panel’s permission check still answers', async () => {
      const response = await app.rest.get('/access', { token: staffAToken })
      expect(response.status).toBe(200)
      const { collections } = (await response.json()) as { collections: Record<string, { read: { permission: boolean } }> }
      expect(collections['payload-locked-documents']!.read.permission).toBe(true)
      expect(collections['payload-jobs']?.read.permission ?? false).toBe(false)
    })
  })

  describe('preferences', () => {
    let preference: Preference

    beforeAll(async () => {
      const saved = await app.rest.post('/payload-preferences/collection-rooms', { value: { columns: ['name'] } }, { token: ownerAToken })
      expect(saved.status).toBe(200)
      const { docs } = await app.payload.find({ collection: 'payload-preferences', where: { key: { equals: 'collection-rooms' } } })
      preference = docs[0] as unknown as Preference
    })

    it('nobody else reads, changes or takes someone’s preference', async () => {
      const list = (await (await app.rest.get('/payload-preferences?limit=100', { token: staffBToken })).json()) as { docs: Preference[] }
      expect(list.docs).toEqual([])

      const changed = await app.rest.patch(`/payload-preferences/${preference.id}`, { value: { columns: ['hijacked'] } }, { token: staffBToken })
      expect([403, 404]).toContain(changed.status)
      await app.rest.patch('/payload-preferences?where[key][exists]=true', { value: { columns: ['bulk'] } }, { token: staffAToken })

      const stored = (await app.payload.findByID({ id: preference.id, collection: 'payload-preferences', depth: 0 })) as unknown as Preference
      expect(idOf(stored.user.value)).toBe(ownerA.id)
      expect(stored.value).toEqual({ columns: ['name'] })
    })

    it('the owner still changes their own', async () => {
      const changed = await app.rest.patch(`/payload-preferences/${preference.id}`, { value: { columns: ['name', 'slug'] } }, { token: ownerAToken })
      expect(changed.status).toBe(200)
      const stored = (await app.payload.findByID({ id: preference.id, collection: 'payload-preferences', depth: 0 })) as unknown as Preference
      expect(stored.value).toEqual({ columns: ['name', 'slug'] })
    })
  })
})
