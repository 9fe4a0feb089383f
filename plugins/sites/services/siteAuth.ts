// Sites call the platform with `X-Site-Key`: current key, or the replaced one within its grace window.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Artist } from '../../../payload-types'
import type { SiteRow } from './siteRows'

import { forbidden, unauthorized } from '../../../utilities/apiErrors'
import { type ContentLocale, DEFAULT_LOCALE } from '../../../utilities/locales'
import { poolDb } from '../../../utilities/transactionDb'
import { sitesOptions } from './options'
import { keyMatches } from './registration'
import { hashSecret } from './secrets'
import { selectSites } from './siteRows'

const SYNC_WRITE_INTERVAL_MS = 5 * 60 * 1000

export async function authenticateSite(req: PayloadRequest): Promise<SiteRow> {
  const key = req.headers.get('x-site-key')
  if (!key) throw unauthorized('X-Site-Key is required.')
  const keyHash = hashSecret(sitesOptions(req.payload).pepper, key)
  const db = poolDb(req.payload)
  const candidates = await selectSites(db, sql`secrets_key_hash = ${keyHash} or secrets_previous_key_hash = ${keyHash}`)
  const site = candidates.find((candidate) => keyMatches(candidate, keyHash))
  if (!site) throw unauthorized('The site key is invalid or has expired.')
  if (site.status === 'suspended') throw forbidden('This site is suspended.')
  // A call is a sign of life; written at most every few minutes, and not audited.
  if (!site.last_sync || Date.now() - new Date(site.last_sync).getTime() > SYNC_WRITE_INTERVAL_MS) {
    await db.execute(sql`update sites set last_sync = now(), status = case when status = 'inactive' then 'active' else status end where id = ${site.id}`)
  }
  return site
}

/** The site's artist if approved (what it may publish), else null. */
export async function publishedArtistOf(req: PayloadRequest, site: SiteRow, options: { depth: 0 | 1; locale?: ContentLocale }): Promise<Artist | null> {
  const artist = await req.payload
    .findByID({ id: site.artist_id, collection: 'artists', depth: options.depth, locale: options.locale ?? DEFAULT_LOCALE, overrideAccess: true })
    .catch(() => null)
  return artist?.status === 'approved' ? artist : null
}
