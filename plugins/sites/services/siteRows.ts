// Raw reads and writes of the `sites` columns Payload keeps hidden (hashes, token state).
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { Executor } from '../../../utilities/transactionDb'
import type { SiteStatus } from '../collections/Sites'

export type SiteRow = {
  artist_id: number
  id: number
  key_hash: null | string
  last_sync: Date | null
  name: string
  pending_key_sealed: null | string
  previous_key_expires_at: Date | null
  previous_key_hash: null | string
  previous_signing_digest: null | string
  registration_token_expires_at: Date | null
  registration_token_hash: null | string
  registration_token_used_at: Date | null
  signing_digest: null | string
  status: SiteStatus
  tenant_id: number
  url: null | string
}

const siteColumns = sql`id, name, artist_id, tenant_id, status, url, last_sync, previous_key_expires_at,
  secrets_key_hash as key_hash, secrets_signing_digest as signing_digest,
  secrets_previous_key_hash as previous_key_hash, secrets_previous_signing_digest as previous_signing_digest,
  secrets_pending_key_sealed as pending_key_sealed, secrets_registration_token_hash as registration_token_hash,
  secrets_registration_token_expires_at as registration_token_expires_at,
  secrets_registration_token_used_at as registration_token_used_at`

export async function selectSites(db: Executor, where: SQL, lock = false): Promise<SiteRow[]> {
  const result = (await db.execute(sql`select ${siteColumns} from sites where ${where} ${lock ? sql`for update` : sql``}`)) as { rows: SiteRow[] }
  return result.rows.map((row) => ({ ...row, artist_id: Number(row.artist_id), id: Number(row.id), tenant_id: Number(row.tenant_id) }))
}

export const siteById = async (db: Executor, id: number, lock = false) => (await selectSites(db, sql`id = ${id}`, lock))[0] ?? null

export type SecretColumns = Partial<{
  keyHash: null | string
  pendingKeySealed: null | string
  previousKeyHash: null | string
  previousSigningDigest: null | string
  registrationTokenExpiresAt: Date | null
  registrationTokenHash: null | string
  registrationTokenUsedAt: Date | null
  signingDigest: null | string
}>

const columnOf: Record<keyof SecretColumns, string> = {
  keyHash: 'secrets_key_hash',
  pendingKeySealed: 'secrets_pending_key_sealed',
  previousKeyHash: 'secrets_previous_key_hash',
  previousSigningDigest: 'secrets_previous_signing_digest',
  registrationTokenExpiresAt: 'secrets_registration_token_expires_at',
  registrationTokenHash: 'secrets_registration_token_hash',
  registrationTokenUsedAt: 'secrets_registration_token_used_at',
  signingDigest: 'secrets_signing_digest',
}

/** Writes secret columns of one site; the names come from the fixed map above, never from input. */
export async function writeSecrets(db: Executor, siteId: number, values: SecretColumns): Promise<void> {
  const assignments = Object.entries(values).map(([name, value]) => {
    const column = sql.raw(`"${columnOf[name as keyof SecretColumns]}"`)
    return sql`${column} = ${value instanceof Date ? value.toISOString() : value}`
  })
  if (assignments.length === 0) return
  await db.execute(sql`update sites set ${sql.join(assignments, sql`, `)} where id = ${siteId}`)
}
