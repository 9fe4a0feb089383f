// Approval with the webhook deployer: the deploy hook (a server on 127.0.0.1) receives the signed request
// with the registration token, which then registers the site; a refusing hook answers 502.
import { createHmac } from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { freePort } from '../../utilities/freePort'
import { startTestApp, type TestApp } from '../helpers/payload'
import { createArtist, register, registration } from '../helpers/sites'

const HOOK_SECRET = 'deploy-hook-secret-for-tests'

type Delivery = { body: string; signature: string; timestamp: string }

describe('webhook deployer', () => {
  let app: TestApp
  let hook: http.Server
  let hookStatus = 202
  const deliveries: Delivery[] = []
  let tenant: Tenant
  let token: string

  beforeAll(async () => {
    const port = await freePort()
    hook = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        deliveries.push({ body, signature: String(request.headers['x-atelier-signature']), timestamp: String(request.headers['x-atelier-timestamp']) })
        response.writeHead(hookStatus).end()
      })
    })
    await new Promise<void>((resolve) => hook.listen(port, '127.0.0.1', resolve))
    app = await startTestApp({
      ATELIER_DEPLOYER: 'webhook',
      ATELIER_DEPLOY_WEBHOOK_SECRET: HOOK_SECRET,
      ATELIER_DEPLOY_WEBHOOK_URL: `http://127.0.0.1:${port}/deploy`,
      ATELIER_PUBLIC_URL: 'https://atelier.example.com',
      ATELIER_SITES_ALLOW_PRIVATE: 'true',
      ATELIER_SITES_ALLOWED_DOMAINS: 'onrender.com',
    })
    tenant = await createTenant(app.payload, { name: 'Studio Hook', slug: 'studio-hook' })
    const admin = await createUser(app.payload, [{ role: 'admin', tenant }])
    token = await app.rest.login(admin.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await new Promise((resolve) => hook.close(resolve))
  })

  it('POSTs { artist, tenant, registrationToken, platformUrl } signed; the token registers the site', async () => {
    const artist = await createArtist(app.payload, tenant, 'Lou Berger')
    const response = await app.rest.post(`/artists/${artist.id}/approve`, undefined, { token })
    const body = (await response.json()) as { deployment: unknown; registrationToken?: string; site: { id: number } }
    expect(response.status).toBe(200)
    expect(body.deployment).toEqual({ deployer: 'webhook', status: 'requested' })
    expect(body.registrationToken).toBeUndefined()

    const delivery = deliveries.at(-1)!
    const expected = createHmac('sha256', HOOK_SECRET).update(`${delivery.timestamp}.${delivery.body}`).digest('hex')
    expect(delivery.signature).toBe(`sha256=${expected}`)
    const request = JSON.parse(delivery.body) as { artist: { id: number; name: string; siteId: number }; platformUrl: string; registrationToken: string; tenant: { slug: string } }
    expect(request).toMatchObject({ artist: { id: artist.id, name: 'Lou Berger', siteId: body.site.id }, platformUrl: 'https://atelier.example.com', tenant: { slug: 'studio-hook' } })

    const registered = await register(app.rest, registration('https://lou.onrender.com'), { registrationToken: request.registrationToken })
    expect(registered.status).toBe(201)
    expect(registered.body.site_id).toBe(body.site.id)
  })

  it('answers 502 deploy_failed when the hook refuses; the artist stays approved and approving again retries', async () => {
    const artist = await createArtist(app.payload, tenant)
    hookStatus = 500
    const failed = await app.rest.post(`/artists/${artist.id}/approve`, undefined, { token })
    expect(failed.status).toBe(502)
    expect(await failed.json()).toMatchObject({ code: 'deploy_failed', errors: [{ message: expect.stringMatching(/deployer failed/) }] })
    expect((await app.payload.findByID({ id: artist.id, collection: 'artists' })).status).toBe('approved')

    hookStatus = 202
    const retried = await app.rest.post(`/artists/${artist.id}/approve`, undefined, { token })
    expect(retried.status).toBe(200)
    const [first, second] = deliveries.slice(-2).map((delivery) => JSON.parse(delivery.body) as { registrationToken: string })
    // A retry issues a new token: the first one no longer registers anything.
    expect(second!.registrationToken).not.toBe(first!.registrationToken)
    expect((await register(app.rest, registration('https://retry.onrender.com'), { registrationToken: first!.registrationToken })).status).toBe(401)
    expect((await register(app.rest, registration('https://retry.onrender.com'), { registrationToken: second!.registrationToken })).status).toBe(201)
  })

  it('refuses to rotate the key of a site that never registered (409), and without the permission (403)', async () => {
    const artist = await createArtist(app.payload, tenant)
    const approval = (await (await app.rest.post(`/artists/${artist.id}/approve`, undefined, { token })).json()) as { site: { id: number } }
    const pending = await app.rest.post(`/sites/${approval.site.id}/regenerate-key`, undefined, { token })
    expect(pending.status).toBe(409)
    expect(await pending.json()).toMatchObject({ code: 'not_registered' })

    const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    const staffToken = await app.rest.login(staff.email, PASSWORD)
    expect((await app.rest.post(`/sites/${approval.site.id}/regenerate-key`, undefined, { token: staffToken })).status).toBe(403)
    expect((await app.rest.post(`/sites/${approval.site.id}/regenerate-key`)).status).toBe(401)
    expect((await app.rest.post('/sites/nope/regenerate-key', undefined, { token })).status).toBe(400)
  })
})
