// Tenant fields are validated at the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type ErrorBody = { errors: { data?: { errors?: { path: string }[] }; message: string }[] }

describe('tenants', () => {
  let app: TestApp
  let superAdminToken: string

  beforeAll(async () => {
    app = await startTestApp()
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    superAdminToken = await app.rest.login(superAdmin.email, PASSWORD)
  })
  afterAll(() => app.close())

  const create = (data: Record<string, unknown>) => app.rest.post('/tenants', data, { token: superAdminToken })
  const invalidPaths = async (response: Response) =>
    ((await response.json()) as ErrorBody).errors.flatMap((error) => error.data?.errors?.map((field) => field.path) ?? [])

  it('creates a tenant with its defaults', async () => {
    const response = await create({ name: 'Atelier Nord', slug: 'atelier-nord' })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: Record<string, unknown> }
    expect(doc).toMatchObject({ defaultCurrency: 'EUR', defaultLocale: 'en', status: 'trial', timezone: 'Europe/Paris' })
  })

  it.each([
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['defaultCurrency', { defaultCurrency: 'EURO' }],
    ['defaultCurrency', { defaultCurrency: 'XXY' }],
    ['slug', { slug: 'Not A Slug' }],
    ['defaultLocale', { defaultLocale: 'it' }],
  ])('refuses an invalid %s with 400 naming the field', async (field, data) => {
    const response = await create({ name: 'Bad', slug: 'bad-tenant', ...data })
    expect(response.status).toBe(400)
    expect(await invalidPaths(response)).toContain(field)
  })

  it('keeps tenant slugs unique', async () => {
    await createTenant(app.payload, { slug: 'only-once' })
    const response = await create({ name: 'Twin', slug: 'only-once' })
    expect(response.status).toBe(400)
    expect(await invalidPaths(response)).toContain('slug')
  })

  it('accepts IANA zones and ISO 4217 codes from other regions', async () => {
    const response = await create({ name: 'Tokyo', defaultCurrency: 'JPY', slug: 'tokyo', timezone: 'Asia/Tokyo' })
    expect(response.status).toBe(201)
  })
})
