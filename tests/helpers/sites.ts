// Artists, approvals and registrations for the sites tests.
import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

import type { Artist, Tenant } from '../../payload-types'
import type { RestClient } from './rest'

export const createArtist = (payload: Payload, tenant: Tenant, name = `Artist ${randomBytes(3).toString('hex')}`): Promise<Artist> =>
  payload.create({ collection: 'artists', data: { email: `${name.replace(/\W+/g, '.').toLowerCase()}@atelier.test`, name, status: 'pending', tenant: tenant.id } })

export type ApproveBody = {
  artist: { id: number; status: string }
  deployment: { deployer: string; status: string; url?: string }
  registrationToken?: string
  site: { id: number; status: string }
}

export async function approve(rest: RestClient, artistId: number, token: string): Promise<ApproveBody> {
  const response = await rest.post(`/artists/${artistId}/approve`, undefined, { token })
  const body = (await response.json()) as ApproveBody
  if (response.status !== 200) throw new Error(`Approve answered ${response.status}: ${JSON.stringify(body)}`)
  return body
}

export const siteKey = () => randomBytes(32).toString('base64url')

export type RegisterBody = {
  error?: string
  errors?: { message: string; path?: string }[]
  message?: string
  site_id?: number
  success: boolean
  updated?: boolean
}

type RegisterOptions = { ip?: string; registrationToken?: string; siteKey?: string }

let nextAddress = 0
/** A different client address per call unless one is given, so the per-IP limit only bites where tested. */
const anotherAddress = () => `10.${Math.floor(nextAddress / 250) % 250}.${nextAddress++ % 250}.1`

export async function register(rest: RestClient, body: unknown, { ip = anotherAddress(), registrationToken, siteKey }: RegisterOptions = {}) {
  const response = await rest.post('/sites/register', body, {
    headers: {
      'X-Forwarded-For': ip,
      ...(registrationToken ? { Authorization: `Bearer ${registrationToken}` } : {}),
      ...(siteKey ? { 'X-Site-Key': siteKey } : {}),
    },
  })
  return { body: (await response.json()) as RegisterBody, response, status: response.status }
}

export const registration = (url: string, apiKey = siteKey(), name = 'My site') => ({ api_key: apiKey, auto_registered: true, site_name: name, site_url: url })

/** Every text value of every row of every table in the public schema, for "no plaintext secret" scans. */
export async function allRowsAsText(payload: Payload): Promise<string> {
  const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: { t: string }[] }> }
  const { sql } = await import('@payloadcms/db-postgres')
  const tables = await db.execute(sql`select tablename as t from pg_tables where schemaname = 'public'`)
  let text = ''
  for (const { t } of tables.rows) {
    const rows = await db.execute(sql`select coalesce(string_agg(row_to_json(x)::text, E'\n'), '') as t from ${sql.identifier(t)} x`)
    text += rows.rows[0]?.t ?? ''
  }
  return text
}
