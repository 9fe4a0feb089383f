// Approving an artist: the artist, its pending site and a one-time registration token land together;
// the deployer is called once they are committed.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { findVisible } from '../../../utilities/findVisible'
import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { requirePermission } from '../../rbac'
import { APPROVING_ARTIST } from '../context'
import { sitesOptions } from './options'
import { generateSecret, hashSecret } from './secrets'
import { writeSecrets } from './siteRows'

export const REGISTRATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000

export type Approval = {
  artist: { email: string; id: number; name: string; status: string }
  registrationToken: string
  registrationTokenExpiresAt: string
  site: { id: number; status: string }
  tenant: { id: number; name: string; slug: string }
}

/** Approves (or re-approves, which redeploys) an artist. The token is returned here and never again. */
export async function approveArtist(req: PayloadRequest, artistId: number): Promise<Approval> {
  const artist = await findVisible(req, 'artists', artistId, 'Artist not found.')
  const tenantId = idOf(artist.tenant)
  await requirePermission(req, 'artists', 'approve', tenantId)
  const { pepper } = sitesOptions(req.payload)

  return inTransaction(req, async () => {
    const context = { [APPROVING_ARTIST]: true }
    // Locked and read again: two approvals at once (a double click) must not make two sites.
    const locked = (await (await transactionDb(req)).execute(sql`select site_id from artists where id = ${artist.id} for update`)) as {
      rows: { site_id: null | number }[]
    }
    const existingSiteId = locked.rows[0]?.site_id ?? null
    const siteId =
      (existingSiteId === null ? null : Number(existingSiteId)) ??
      (
        await req.payload.create({
          collection: 'sites',
          context,
          data: { artist: artist.id, name: artist.name, status: 'pending', tenant: tenantId },
          depth: 0,
          overrideAccess: true,
          req,
        })
      ).id
    const updated = await req.payload.update({
      id: artist.id,
      collection: 'artists',
      context,
      data: { site: siteId, status: 'approved' },
      depth: 0,
      overrideAccess: true,
      req,
    })
    const registrationToken = generateSecret()
    const expiresAt = new Date(Date.now() + REGISTRATION_TOKEN_TTL_MS)
    await writeSecrets(await transactionDb(req), siteId, {
      registrationTokenExpiresAt: expiresAt,
      registrationTokenHash: hashSecret(pepper, registrationToken),
      registrationTokenUsedAt: null,
    })
    await writeAuditEntry(req, {
      action: 'approve',
      collection: 'artists',
      details: { redeploy: artist.status === 'approved', siteId },
      documentId: artist.id,
      tenant: tenantId,
    })
    const site = await req.payload.findByID({ id: siteId, collection: 'sites', depth: 0, overrideAccess: true, req })
    // Saving the artist above validated its tenant (required), so there is one.
    const tenant = await req.payload.findByID({ id: tenantId!, collection: 'tenants', depth: 0, overrideAccess: true, req })
    return {
      artist: { email: updated.email, id: updated.id, name: updated.name, status: updated.status },
      registrationToken,
      registrationTokenExpiresAt: expiresAt.toISOString(),
      site: { id: site.id, status: site.status },
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug },
    }
  })
}
