// Attacks found by a review of the security hardening, each performed over REST; all of them worked on
// the hardened code before these fixes.
import type { CollectionSlug } from 'payload'

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Room, Tenant, User } from '../../payload-types'

import { createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { approve, createArtist, register, registration, siteKey } from '../helpers/sites'

describe('review findings', () => {
  let app: TestApp
  let studioA: Tenant
  let studioB: Tenant
  let attacker: User // owner of A, artist in B
  let ownerB: User
  let token: string
  let ownerBToken: string
  let roomB: Room
  let mediaB: Media
  let mediaDir: string

  const pngOf = (size: number, color: string) => sharp({ create: { background: color, channels: 3, height: size, width: size } }).png().toBuffer()

  beforeAll(async () => {
    app = await startTestApp({
      ATELIER_DEPLOYER: 'none',
      ATELIER_SITES_ALLOW_PRIVATE: 'true',
      ATELIER_SITES_ALLOWED_DOMAINS: 'localhost',
      ATELIER_SITES_HTTP_HOSTS: 'localhost',
    })
    mediaDir = process.env.ATELIER_MEDIA_DIR!
    studioA = await createTenant(app.payload, { name: 'Studio A' })
    studioB = await createTenant(app.payload, { name: 'Studio B' })
    attacker = await createUser(app.payload, [
      { role: 'owner', tenant: studioA },
      { role: 'artist', tenant: studioB },
    ])
    ownerB = await createUser(app.payload, [{ role: 'owner', tenant: studioB }])
    token = await app.rest.login(attacker.email, PASSWORD)
    ownerBToken = await app.rest.login(ownerB.email, PASSWORD)
    roomB = await createRoom(app.payload, studioB)
    const data = await pngOf(100, '#ff0000')
    mediaB = await app.payload.create({ collection: 'media', data: { alt: 'contract scan of B', tenant: studioB.id }, file: { data, mimetype: 'image/png', name: 'b-secret.png', size: data.length } })
  })
  afterAll(() => app.close())

  it('a body naming another studio’s file cannot make Payload re-read and overwrite it', async () => {
    const studioC = await createTenant(app.payload, { name: 'Studio C' })
    const artistC = await createUser(app.payload, [{ role: 'artist', tenant: studioC }])
    const artistToken = await app.rest.login(artistC.email, PASSWORD)
    const edits = 'uploadEdits[crop][x]=0&uploadEdits[crop][y]=0&uploadEdits[widthInPixels]=3&uploadEdits[heightInPixels]=3'
    const response = await app.rest.post(`/media?${edits}`, { alt: 'x', filename: mediaB.filename, tenant: studioC.id, url: `/api/media/file/${mediaB.filename}` }, { token: artistToken })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect((await sharp(path.join(mediaDir, mediaB.filename!)).metadata()).width).toBe(100)
  })

  it('a portfolio cannot hold another studio’s image, and a site never serves one', async () => {
    const data = await pngOf(20, '#00ff00')
    const studioX = await createTenant(app.payload, { name: 'Studio X' })
    const mediaX = await app.payload.create({ collection: 'media', data: { alt: 'private of X', tenant: studioX.id }, file: { data, mimetype: 'image/png', name: 'x-private.png', size: data.length } })
    const artist = await createArtist(app.payload, studioA)
    const patched = await app.rest.patch(`/artists/${artist.id}`, { portfolio: [mediaX.id] }, { token })
    expect(patched.status).toBe(400)
    const approval = await approve(app.rest, artist.id, token)
    const key = siteKey()
    const registered = await register(app.rest, registration('http://localhost:4998', key, 'Evil'), { registrationToken: approval.registrationToken })
    expect(registered.status).toBe(201)
    // Even a link written behind the API's back (old data) is not served.
    await app.payload.db.updateOne({ collection: 'artists', data: { portfolio: [mediaX.id] }, id: artist.id })
    const me = (await (await app.rest.get('/sites/me', { headers: { 'X-Site-Key': key } })).json()) as { artist: { portfolio: unknown[] } }
    expect(me.artist.portfolio).toEqual([])
    const file = await app.rest.get(`/sites/me/portfolio/${mediaX.id}`, { headers: { 'X-Site-Key': key } })
    expect(file.status).toBe(404)
    expect(Buffer.from(await file.arrayBuffer()).equals(await readFile(path.join(mediaDir, mediaX.filename!)))).toBe(false)
  })

  it('pulling B’s owner into A shows none of their locks on B’s documents', async () => {
    const joined = await app.rest.post(`/tenants/${studioA.id}/members`, { email: ownerB.email, role: 'artist' }, { token })
    expect(joined.status).toBe(201)
    const lock = await app.payload.create({
      collection: 'payload-locked-documents' as CollectionSlug,
      data: { document: { relationTo: 'rooms', value: roomB.id }, user: { relationTo: 'users', value: ownerB.id } } as never,
    })
    const listed = (await (await app.rest.get('/payload-locked-documents?depth=0', { token })).json()) as { docs: { id: number }[] }
    expect(listed.docs.map((doc) => doc.id)).not.toContain(lock.id)
    expect([403, 404]).toContain((await app.rest.delete(`/payload-locked-documents/${lock.id}`, { token })).status)
  })

  it('B’s change to a shared person’s membership is not filed in A’s audit log', async () => {
    const shared = await createUser(app.payload, [
      { role: 'staff', tenant: studioA },
      { role: 'artist', tenant: studioB },
    ])
    expect((await app.rest.post(`/tenants/${studioB.id}/members`, { email: shared.email, role: 'editor' }, { token: ownerBToken })).status).toBe(200)
    const seenByA = (await (await app.rest.get(`/audit-logs?where[collection][equals]=users&where[documentId][equals]=${shared.id}&depth=0`, { token })).json()) as {
      docs: { user: number }[]
    }
    expect(seenByA.docs.filter((entry) => entry.user === ownerB.id)).toEqual([])
    const seenByB = (await (await app.rest.get(`/audit-logs?where[collection][equals]=users&where[documentId][equals]=${shared.id}&depth=0`, { token: ownerBToken })).json()) as {
      docs: { user: number }[]
    }
    expect(seenByB.docs.some((entry) => entry.user === ownerB.id)).toBe(true)
  })

  it('duplicating an approved artist (or a booking) over REST is refused', async () => {
    const editorA = await createUser(app.payload, [{ role: 'editor', tenant: studioA }])
    const editorToken = await app.rest.login(editorA.email, PASSWORD)
    const artist = await createArtist(app.payload, studioA)
    await approve(app.rest, artist.id, token)
    const before = await app.payload.count({ collection: 'artists' })
    const copy = await app.rest.post(`/artists/${artist.id}/duplicate`, {}, { token: editorToken })
    expect(copy.status).toBe(403)
    expect((await app.payload.count({ collection: 'artists' })).totalDocs).toBe(before.totalDocs)
  })

  it('nobody pre-claims an address by changing their own email', async () => {
    const address = `new-manager-${Date.now()}@studio-b.example`
    const changed = await app.rest.patch(`/users/${attacker.id}`, { email: address }, { token })
    expect(changed.status).toBe(403)
    const stored = await app.payload.findByID({ id: attacker.id, collection: 'users' })
    expect(stored.email).toBe(attacker.email)
  })

  it('grantedBy of an assignment is the server’s', async () => {
    const staffA = await createUser(app.payload, [{ role: 'staff', tenant: studioA }])
    const role = await app.payload.create({ collection: 'roles', data: { name: 'R', slug: 'r-review', tenant: studioA.id } })
    const created = await app.rest.post('/role-assignments', { grantedBy: ownerB.id, role: role.id, tenant: studioA.id, user: staffA.id }, { token })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number } }
    await app.rest.patch(`/role-assignments/${doc.id}`, { grantedBy: ownerB.id }, { token })
    const stored = await app.payload.findByID({ id: doc.id, collection: 'role-assignments', depth: 0 })
    expect(stored.grantedBy).toBe(attacker.id)
  })

  it('an assignment without a tenant is a 400 naming the field, not a 500', async () => {
    const response = await app.rest.post('/role-assignments', { role: 1, user: attacker.id }, { token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('tenant')
  })
})
