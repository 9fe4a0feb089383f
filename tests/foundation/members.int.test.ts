// POST /api/tenants/:id/members: the foundation's custom endpoint, its error shape and its rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type ErrorBody = { errors: { message: string; path?: string }[] }

describe('POST /api/tenants/:id/members', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let tenantA: Tenant
  let tenantB: Tenant
  let owner: User
  let admin: User
  let staff: User
  let outsider: User
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    tenantA = await createTenant(app.payload, { name: 'Studio <A>' })
    tenantB = await createTenant(app.payload)
    owner = await createUser(app.payload, [{ role: 'owner', tenant: tenantA }])
    admin = await createUser(app.payload, [{ role: 'admin', tenant: tenantA }])
    staff = await createUser(app.payload, [{ role: 'staff', tenant: tenantA }])
    outsider = await createUser(app.payload, [{ role: 'editor', tenant: tenantB }])
    for (const user of [owner, admin, staff]) tokens[user.email] = await app.rest.login(user.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  const addMember = (body: unknown, token: string | undefined, tenantId: number | string = tenantA.id) =>
    app.rest.post(`/tenants/${tenantId}/members`, body, { token })

  describe('bad input answers 400 in the error shape, never 500', () => {
    it('rejects a body that is not JSON', async () => {
      const response = await addMember('{"email": ', tokens[admin.email])
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.' }] })
    })

    it('rejects unknown fields', async () => {
      const response = await addMember({ email: outsider.email, isOwner: true, role: 'staff' }, tokens[admin.email])
      expect(response.status).toBe(400)
      const body = (await response.json()) as ErrorBody
      expect(body.errors).toEqual([{ message: 'Unknown field "isOwner".', path: 'isOwner' }])
    })

    it('names each field with a wrong type or value', async () => {
      const response = await addMember({ email: 42, role: 'emperor' }, tokens[admin.email])
      expect(response.status).toBe(400)
      const body = (await response.json()) as ErrorBody
      expect(body.errors.map((error) => error.path).sort()).toEqual(['email', 'role'])
    })

    it('rejects a tenant id that is not a number', async () => {
      const response = await addMember({ email: outsider.email, role: 'staff' }, tokens[admin.email], 'abc')
      expect(response.status).toBe(400)
      expect(((await response.json()) as ErrorBody).errors[0]!.path).toBe('id')
    })
  })

  it('answers 401 without a login', async () => {
    const response = await addMember({ email: outsider.email, role: 'staff' }, undefined)
    expect(response.status).toBe(401)
    expect(((await response.json()) as ErrorBody).errors[0]!.message).toBeTruthy()
  })

  it('answers 404 for a tenant the caller does not belong to, and for one that does not exist', async () => {
    expect((await addMember({ email: staff.email, role: 'staff' }, tokens[admin.email], tenantB.id)).status).toBe(404)
    expect((await addMember({ email: staff.email, role: 'staff' }, tokens[admin.email], 999_999)).status).toBe(404)
  })

  it('answers 403 to staff, who do not manage the tenant', async () => {
    const response = await addMember({ email: outsider.email, role: 'staff' }, tokens[staff.email])
    expect(response.status).toBe(403)
  })

  it('lets only an owner grant the owner role', async () => {
    expect((await addMember({ email: staff.email, role: 'owner' }, tokens[admin.email])).status).toBe(403)
    const promoted = await addMember({ email: staff.email, role: 'admin' }, tokens[owner.email])
    expect(promoted.status).toBe(200)
    expect(await promoted.json()).toMatchObject({ invited: false, joined: false, role: 'admin' })
  })

  it('adds an account of another tenant without touching its other membership', async () => {
    const response = await addMember({ email: outsider.email, role: 'editor' }, tokens[admin.email])
    expect(response.status).toBe(201)
    const stored = await app.payload.findByID({ id: outsider.id, collection: 'users', depth: 0 })
    expect(stored.tenants?.map(({ role, tenant }) => ({ role, tenant }))).toEqual([
      { role: 'editor', tenant: tenantB.id },
      { role: 'editor', tenant: tenantA.id },
    ])
  })

  it('invites an unknown email: a new account, and an email with a link to set the password', async () => {
    const response = await addMember({ name: 'Nina', email: 'Nina@Example.test', role: 'staff' }, tokens[admin.email])
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ invited: true, joined: true, role: 'staff', user: { email: 'nina@example.test' } })

    const mail = await smtp.waitFor((message) => message.to.includes('nina@example.test'))
    expect(mail.subject).toBe('You are invited to Studio <A> on Atelier')
    expect(mail.body).toContain('Studio &lt;A&gt;')
    const link = /http:\/\/localhost:3000\/admin\/reset\/([a-f0-9]{20,})/.exec(mail.body)
    expect(link).not.toBeNull()

    // The link works: the invited person chooses a password and logs in with it.
    const reset = await app.rest.post('/users/reset-password', { password: 'a-brand-new-password', token: link![1] })
    expect(reset.status).toBe(200)
    expect(await app.rest.login('nina@example.test', 'a-brand-new-password')).toBeTruthy()
  })
})
