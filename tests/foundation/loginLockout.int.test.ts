// Payload's login lockout is configured: repeated failures lock the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../payload-types'

import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type ErrorBody = { errors: { message: string }[] }

describe('login lockout', () => {
  let app: TestApp
  let user: User

  beforeAll(async () => {
    app = await startTestApp()
    user = await createUser(app.payload, [{ role: 'staff', tenant: await createTenant(app.payload) }])
  })
  afterAll(() => app.close())

  it('locks the account after 5 failed attempts, even against the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await app.rest.post('/users/login', { email: user.email, password: 'wrong-password' })).status).toBe(401)
    }
    const locked = await app.rest.post('/users/login', { email: user.email, password: PASSWORD })
    expect(locked.status).toBe(401)
    expect(((await locked.json()) as ErrorBody).errors[0]!.message).toMatch(/locked/i)
  })
})
