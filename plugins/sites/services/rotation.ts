// Key rotation: a new key, shown once; the old one keeps working for the grace window while the new
// one is pushed to the site (retried through the jobs queue).
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { conflict } from '../../../utilities/apiErrors'

import { findVisible } from '../../../utilities/findVisible'
import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { requirePermission } from '../../rbac'
import { sitesOptions } from './options'
import { generateSecret, hashSecret, seal, secretPrefix, signPayload, signingDigest, unseal } from './secrets'
import { postToSite } from './siteClient'
import { siteById, writeSecrets } from './siteRows'

export const PUSH_KEY_TASK = 'pushSiteKey'

export type Rotation = { jobId: number | string; keyPrefix: string; newKey: string; siteId: number }

export async function regenerateSiteKey(req: PayloadRequest, siteId: number): Promise<Rotation> {
  const visible = await findVisible(req, 'sites', siteId, 'Site not found.')
  await requirePermission(req, 'sites', 'regenerate-key', idOf(visible.tenant))
  const options = sitesOptions(req.payload)
  const newKey = generateSecret()

  const jobId = await inTransaction(req, async () => {
    const tx = await transactionDb(req)
    const site = await siteById(tx, siteId, true)
    if (!site?.key_hash || !site.url) throw conflict('The site has not registered yet: it has no key to replace.', 'not_registered')
    // With a push undelivered (pending, or abandoned: out of sync), the site holds the previous key, not the
    // current one: keep that one valid and sign with it.
    const siteHolds = site.pending_key_sealed || site.status === 'out_of_sync'
      ? { hash: site.previous_key_hash, signing: site.previous_signing_digest }
      : { hash: site.key_hash, signing: site.signing_digest }
    await writeSecrets(tx, siteId, {
      keyHash: hashSecret(options.pepper, newKey),
      pendingKeySealed: seal(options.payloadSecret, newKey),
      previousKeyHash: siteHolds.hash,
      previousSigningDigest: siteHolds.signing,
      signingDigest: signingDigest(newKey),
    })
    await req.payload.update({
      id: siteId,
      collection: 'sites',
      data: {
        keyPrefix: secretPrefix(newKey),
        keyPushAttempts: 0,
        keyPushError: null,
        previousKeyExpiresAt: new Date(Date.now() + options.keyGraceSeconds * 1000).toISOString(),
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await writeAuditEntry(req, {
      action: 'regenerate_key',
      collection: 'sites',
      details: { keyPrefix: secretPrefix(newKey) },
      documentId: siteId,
      tenant: site.tenant_id,
    })
    const job = await req.payload.jobs.queue({ input: { siteId }, req, task: PUSH_KEY_TASK })
    return job.id
  })
  return { jobId, keyPrefix: secretPrefix(newKey), newKey, siteId }
}

export type PushOutcome = 'delivered' | 'gave_up' | 'nothing_pending'

/**
 * One delivery attempt of a site's pending key, signed with the key the site still holds. Throws to be
 * retried; after the last attempt the site is marked `out_of_sync` and the pending key dropped.
 */
export async function pushPendingKey(req: PayloadRequest, siteId: number): Promise<PushOutcome> {
  const options = sitesOptions(req.payload)
  const db = poolDb(req.payload)
  const site = await siteById(db, siteId)
  if (!site?.pending_key_sealed || !site.url || !site.previous_signing_digest) return 'nothing_pending'

  const delivered = unseal(options.payloadSecret, site.pending_key_sealed)
  const body = JSON.stringify({ api_key: delivered })
  // A fresh timestamp per attempt: sites refuse a signature they have already accepted.
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = signPayload(Buffer.from(site.previous_signing_digest, 'hex'), timestamp, body)
  let failure: string | null = null
  try {
    const status = await postToSite(`${site.url}/api/update-key`, body, { 'X-Atelier-Signature': signature, 'X-Atelier-Timestamp': timestamp }, options)
    if (status < 200 || status >= 300) failure = `The site answered ${status}.`
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error)
  }

  if (!failure) {
    const cleared = (await db.execute(sql`update sites set secrets_pending_key_sealed = null, key_push_error = null,
      key_push_attempts = coalesce(key_push_attempts, 0) + 1,
      status = case when status = 'out_of_sync' then 'active' else status end
      where id = ${siteId} and secrets_pending_key_sealed = ${site.pending_key_sealed} returning id`)) as { rows: unknown[] }
    if (cleared.rows.length === 0) {
      // A newer rotation is waiting: the site now holds the key just delivered, so that newer push must be
      // signed with it, and it must keep working until the newer one lands.
      await db.execute(sql`update sites set secrets_previous_key_hash = ${hashSecret(options.pepper, delivered)},
        secrets_previous_signing_digest = ${signingDigest(delivered)},
        previous_key_expires_at = now() + make_interval(secs => ${options.keyGraceSeconds}) where id = ${siteId}`)
    }
    return 'delivered'
  }
  const counted = (await db.execute(sql`update sites set key_push_attempts = coalesce(key_push_attempts, 0) + 1, key_push_error = ${failure}
    where id = ${siteId} returning key_push_attempts`)) as { rows: { key_push_attempts: number | string }[] }
  // A numeric column: node-postgres hands it back as a string.
  const attempts = Number(counted.rows[0]?.key_push_attempts ?? 0)
  if (attempts >= options.keyPush.attempts) {
    await db.execute(sql`update sites set status = 'out_of_sync', secrets_pending_key_sealed = null where id = ${siteId} and secrets_pending_key_sealed = ${site.pending_key_sealed}`)
    await writeAuditEntry(req, { action: 'key_push_failed', collection: 'sites', details: { attempts, error: failure }, documentId: siteId, tenant: site.tenant_id, user: null }, { detached: true })
    req.payload.logger.warn({ msg: 'Key push given up: site out of sync', siteId, attempts })
    return 'gave_up'
  }
  throw new Error(`Key push ${attempts}/${options.keyPush.attempts} to site ${siteId} failed: ${failure}`)
}
