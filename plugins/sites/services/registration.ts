// A deployed site registering itself: first with its one-time token, later (restarts) with its key.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { ValidationError } from 'payload'

import type { SiteRow } from './siteRows'

import { conflict, forbidden, unauthorized } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { sitesOptions } from './options'
import { checkPublicHost } from './publicAddress'
import { digestsEqual, hashSecret, secretPrefix, signingDigest } from './secrets'
import { selectSites, siteById, writeSecrets } from './siteRows'

export type Registration = { apiKey: string; autoRegistered: boolean; host: string; siteName: string; siteUrl: string }
export type RegistrationProof = { siteKey?: string; token?: string }
export type RegistrationResult = { siteId: number; updated: boolean }

const tokenIsLive = (site: SiteRow, tokenHash: string) =>
  digestsEqual(site.registration_token_hash, tokenHash) &&
  site.registration_token_used_at === null &&
  site.registration_token_expires_at !== null &&
  new Date(site.registration_token_expires_at).getTime() > Date.now()

/** The key is the site's current one, or the replaced one within its grace window (for API calls). */
export const keyMatches = (site: SiteRow, keyHash: string) =>
  digestsEqual(site.key_hash, keyHash) ||
  (digestsEqual(site.previous_key_hash, keyHash) && site.previous_key_expires_at !== null && new Date(site.previous_key_expires_at).getTime() > Date.now())

const isUniqueUrlViolation = (error: unknown) =>
  error instanceof ValidationError && error.data.errors.some((entry) => entry.path === 'url')

/**
 * Who may register `siteUrl`: a new URL needs a live token; a known URL needs its own site's *current* key
 * (a key replaced by a rotation proves nothing here, or whoever leaked it could take the site back) or a
 * live token for that same site. A stale token beside a valid key is ignored: restarted sites send both.
 */
function chooseTarget(existing: null | SiteRow, tokenSite: null | SiteRow, keyHash: null | string, staleToken: boolean): { proof: 'key' | 'token'; site: SiteRow } {
  if (existing) {
    if (tokenSite) {
      if (tokenSite.id !== existing.id) throw conflict('This URL is already registered to another site.', 'site_url_taken')
      return { proof: 'token', site: existing }
    }
    if (keyHash && digestsEqual(existing.key_hash, keyHash)) return { proof: 'key', site: existing }
    if (staleToken) throw unauthorized('The registration token is invalid, expired or already used.')
    throw conflict('This URL is already registered: re-register with its site key (X-Site-Key) or a registration token for this site.', 'proof_required')
  }
  if (!tokenSite) {
    throw unauthorized(staleToken ? 'The registration token is invalid, expired or already used.' : 'A registration token is required: Authorization: Bearer <token>.')
  }
  return { proof: 'token', site: tokenSite }
}

export async function registerSite(req: PayloadRequest, registration: Registration, proof: RegistrationProof): Promise<RegistrationResult> {
  const options = sitesOptions(req.payload)
  const db = poolDb(req.payload)
  const tokenHash = proof.token ? hashSecret(options.pepper, proof.token) : null

  let tokenSite: null | SiteRow = null
  if (tokenHash) {
    const found = (await selectSites(db, sql`secrets_registration_token_hash = ${tokenHash}`))[0] ?? null
    tokenSite = found && tokenIsLive(found, tokenHash) ? found : null
  }
  const [existing = null] = await selectSites(db, sql`url = ${registration.siteUrl}`)
  const keyHash = proof.siteKey ? hashSecret(options.pepper, proof.siteKey) : null
  const { proof: proofKind, site: candidate } = chooseTarget(existing, tokenSite, keyHash, Boolean(tokenHash) && !tokenSite)
  if (candidate.status === 'suspended') throw forbidden('This site is suspended.')

  // Resolved only for authenticated callers, so the endpoint cannot be used to make us query DNS.
  if (!options.allowPrivate) {
    const verdict = await checkPublicHost(registration.host, options.resolveHost)
    if (!verdict.ok) throw forbidden(verdict.message)
  }

  return inTransaction(req, async () => {
    const tx = await transactionDb(req)
    // Read again under a lock: a rotation committed since the checks above must not be overwritten.
    const site = await siteById(tx, candidate.id, true)
    if (!site) throw conflict('This site was deleted meanwhile.', 'site_gone')
    if (proofKind === 'key' && !(keyHash && digestsEqual(site.key_hash, keyHash))) {
      throw conflict('The site key changed meanwhile: re-register with the current key.', 'proof_required')
    }
    const isNew = site.url === null
    if (proofKind === 'token') {
      // Atomic: of concurrent registrations with one token, exactly one claims it.
      const claimed = (await tx.execute(sql`
        update sites set secrets_registration_token_used_at = now()
        where id = ${site.id} and secrets_registration_token_hash = ${tokenHash}
          and secrets_registration_token_used_at is null and secrets_registration_token_expires_at > now()
        returning id`)) as { rows: unknown[] }
      if (claimed.rows.length === 0) throw unauthorized('The registration token is invalid, expired or already used.')
    }
    const newKeyHash = hashSecret(options.pepper, registration.apiKey)
    const keyChanges = !digestsEqual(site.key_hash, newKeyHash)
    try {
      await req.payload.update({
        id: site.id,
        collection: 'sites',
        data: {
          autoRegistered: registration.autoRegistered,
          keyPushError: null,
          lastSync: new Date().toISOString(),
          name: registration.siteName,
          status: 'active',
          url: registration.siteUrl,
          ...(keyChanges
            ? {
                keyPrefix: secretPrefix(registration.apiKey),
                previousKeyExpiresAt: site.key_hash ? new Date(Date.now() + options.keyGraceSeconds * 1000).toISOString() : null,
              }
            : {}),
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
    } catch (error) {
      if (isUniqueUrlViolation(error)) throw conflict('This URL is already registered to another site.', 'site_url_taken')
      throw error
    }
    if (!keyChanges && site.pending_key_sealed) {
      // Proved with the current key: the site already has what a waiting push would bring.
      await writeSecrets(tx, site.id, { pendingKeySealed: null })
    }
    if (keyChanges) {
      await writeSecrets(tx, site.id, {
        keyHash: newKeyHash,
        // The site chose its key: a push still waiting would only overwrite it.
        pendingKeySealed: null,
        previousKeyHash: site.key_hash,
        previousSigningDigest: site.signing_digest,
        signingDigest: signingDigest(registration.apiKey),
      })
    }
    await writeAuditEntry(req, {
      action: 'site_registered',
      collection: 'sites',
      details: { keyChanged: keyChanges, proof: proofKind, updated: !isNew, url: registration.siteUrl },
      documentId: site.id,
      tenant: site.tenant_id,
      user: null,
    })
    return { siteId: site.id, updated: !isNew }
  })
}
