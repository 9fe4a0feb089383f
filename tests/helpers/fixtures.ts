// Tenants and people for tests, written through the Local API as trusted server code.
import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

import type { TenantRole } from '../../utilities/tenantRoles'
import type { Tenant, User } from '../../payload-types'

export const PASSWORD = 'correct-horse-battery'

const unique = () => randomBytes(3).toString('hex')

type TenantFields = Pick<Tenant, 'auditRetentionDays' | 'defaultCurrency' | 'defaultLocale' | 'name' | 'slug' | 'status' | 'timezone'>

export const createTenant = (payload: Payload, fields: Partial<TenantFields> = {}): Promise<Tenant> => {
  const suffix = unique()
  const data: TenantFields = {
    name: `Studio ${suffix}`,
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
    slug: `studio-${suffix}`,
    status: 'active',
    timezone: 'Europe/Paris',
    ...fields,
  }
  return payload.create({ collection: 'tenants', data })
}

export const createUser = (
  payload: Payload,
  memberships: { role: TenantRole; tenant: Tenant }[],
  data: Partial<Pick<User, 'email' | 'name' | 'superAdmin'>> = {},
): Promise<User> =>
  payload.create({
    collection: 'users',
    data: {
      email: `user-${unique()}@atelier.test`,
      password: PASSWORD,
      tenants: memberships.map(({ role, tenant }) => ({ role, tenant: tenant.id })),
      ...data,
    },
  })

/** A 1×1 PNG, enough for an upload. */
export const tinyPng = (): Blob =>
  new Blob(
    [Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')],
    { type: 'image/png' },
  )

export const uploadForm = (data: Record<string, unknown>, filename = `image-${unique()}.png`): FormData => {
  const form = new FormData()
  form.append('file', tinyPng(), filename)
  form.append('_payload', JSON.stringify(data))
  return form
}
