// Uploads in S3-compatible object storage (issue 20): with S3_BUCKET set, a media file goes to the bucket
// and not to the media directory, is served at /api/media/file/<name> to its studio only, and leaves the
// bucket with its document. The store is s3rver on 127.0.0.1, looked at through an SDK client of our own.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { sql } from '@payloadcms/db-postgres'
import { readdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Tenant } from '../../payload-types'

import { SKIP_AUDIT } from '../../plugins/audit-log'

import { auditEntries } from '../helpers/auditEntries'
import { createTenant, createUser, PASSWORD, tinyPng, uploadForm } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { startS3Server, type S3TestServer } from '../helpers/s3Server'
import { approve, createArtist, siteKey } from '../helpers/sites'
import { sitesOptions } from '../../plugins/sites/services/options'
import { hashSecret } from '../../plugins/sites/services/secrets'

describe('uploads in object storage', () => {
  let s3: S3TestServer
  let app: TestApp
  let studioA: Tenant
  let tokenA: string
  let tokenB: string
  let media: Media
  let png: Buffer

  const keysInBucket = async () => {
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))
    return (listed.Contents ?? []).map((object) => object.Key)
  }

  beforeAll(async () => {
    s3 = await startS3Server()
    app = await startTestApp(s3.env)
    studioA = await createTenant(app.payload, { name: 'Studio A' })
    const studioB = await createTenant(app.payload, { name: 'Studio B' })
    const memberA = await createUser(app.payload, [{ role: 'admin', tenant: studioA }])
    const memberB = await createUser(app.payload, [{ role: 'admin', tenant: studioB }])
    tokenA = await app.rest.login(memberA.email, PASSWORD)
    tokenB = await app.rest.login(memberB.email, PASSWORD)
    png = Buffer.from(await tinyPng().arrayBuffer())

    const uploaded = await app.rest.post('/media', uploadForm({ alt: 'in the bucket', tenant: studioA.id }), { token: tokenA })
    expect(uploaded.status).toBe(201)
    media = ((await uploaded.json()) as { doc: Media }).doc
  })
  afterAll(async () => {
    await app?.close()
    await s3?.close()
  })

  it('stores the upload in the bucket, under its filename, and nothing in the media directory', async () => {
    expect(media.filename).toBeTruthy()
    expect(new URL(media.url!, 'http://localhost').pathname).toBe(`/api/media/file/${media.filename}`)
    expect(await keysInBucket()).toEqual([media.filename])
    const stored = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: media.filename! }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(png)).toBe(true)
    expect(stored.ContentType).toBe('image/png')
    expect(await readdir(process.env.ATELIER_MEDIA_DIR!)).toEqual([])
  })

  it('audits the upload once: the adapter’s follow-up write of the document is not an edit', async () => {
    const entries = await auditEntries(app.payload, { collection: { equals: 'media' }, documentId: { equals: String(media.id) } })
    expect(entries.map((entry) => entry.action)).toEqual(['create'])
  })

  it('stores every upload of a script that reuses one context object', async () => {
    // The adapter can leave its skip flag on such an object, skipping the next uploads (payloadcms/payload#17546).
    // Here our earlier hooks' reads swap a copy in first; this keeps it so.
    const context = { purpose: 'import' }
    const created: Media[] = []
    for (const alt of ['first', 'second']) {
      const file = { data: png, mimetype: 'image/png', name: `script-${alt}.png`, size: png.length }
      created.push(await app.payload.create({ collection: 'media', context, data: { alt, tenant: studioA.id }, file }))
    }
    expect(context).not.toHaveProperty('skipCloudStorage')
    expect(context).not.toHaveProperty(SKIP_AUDIT)
    expect(await keysInBucket()).toEqual(expect.arrayContaining(created.map((doc) => doc.filename)))
    for (const doc of created) await app.payload.delete({ collection: 'media', id: doc.id })
    expect(await keysInBucket()).toEqual([media.filename])
  })

  it('serves the file back to its studio through the API, byte for byte', async () => {
    const response = await app.rest.get(`/media/file/${media.filename}`, { token: tokenA })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true)
  })

  it('refuses the file to a member of another studio and to an anonymous caller', async () => {
    for (const token of [tokenB, undefined]) {
      const response = await app.rest.get(`/media/file/${media.filename}`, { token })
      expect([403, 404]).toContain(response.status)
      expect(Buffer.from(await response.arrayBuffer()).includes(png)).toBe(false)
    }
  })

  it('a prefix in the query reaches no other object', async () => {
    // The adapter builds the key from `?prefix=`; Payload first looks for a document with that prefix, and
    // media has no prefix field: a 400, never another key's bytes (nor a 500).
    const response = await app.rest.get(`/media/file/${media.filename}?prefix=..`, { token: tokenA })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'The request names a field that does not exist.' }] })
  })

  it('deleting the document removes its object from the bucket', async () => {
    const second = await app.rest.post('/media', uploadForm({ alt: 'kept', tenant: studioA.id }), { token: tokenA })
    const kept = ((await second.json()) as { doc: Media }).doc
    expect((await keysInBucket()).sort()).toEqual([media.filename, kept.filename].sort())

    const deleted = await app.rest.delete(`/media/${media.id}`, { token: tokenA })
    expect(deleted.status).toBe(200)
    expect(await keysInBucket()).toEqual([kept.filename])
    expect((await app.rest.get(`/media/file/${media.filename}`, { token: tokenA })).status).toBe(403)
  })

  it('serves an artist site its portfolio image from the bucket', async () => {
    const owner = await createUser(app.payload, [{ role: 'owner', tenant: studioA }])
    const artist = await createArtist(app.payload, studioA)
    const approved = await approve(app.rest, artist.id, await app.rest.login(owner.email, PASSWORD))
    const uploaded = await app.rest.post('/media', uploadForm({ alt: 'portfolio', tenant: studioA.id }), { token: tokenA })
    const image = ((await uploaded.json()) as { doc: Media }).doc
    await app.payload.update({ collection: 'artists', data: { portfolio: [image.id] }, id: artist.id })
    // The site's key, as registration would store it (hashed with the platform's pepper).
    const key = siteKey()
    await app.payload.db.drizzle.execute(sql`update sites set secrets_key_hash = ${hashSecret(sitesOptions(app.payload).pepper, key)} where id = ${approved.site.id}`)
    const response = await app.rest.get(`/sites/me/portfolio/${image.id}`, { headers: { 'X-Site-Key': key } })
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true)
    expect(await readdir(process.env.ATELIER_MEDIA_DIR!)).toEqual([])
  })
})
