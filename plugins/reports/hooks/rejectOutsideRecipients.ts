import type { CollectionBeforeChangeHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { ValidationError } from 'payload'

import type { ScheduledReport } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { transactionDb } from '../../../utilities/transactionDb'

/**
 * A report goes to members of its studio only (users_tenants), checked on the server whatever the admin's
 * picker offered: a studio's figures never reach someone outside it. The message names the refused ids only,
 * ids the client sent, so it tells nothing about people outside the studio.
 */
export const rejectOutsideRecipients: CollectionBeforeChangeHook<ScheduledReport> = async ({ collection, data, operation, originalDoc, req }) => {
  const tenantChanged = 'tenant' in data && idOf(data.tenant ?? null) !== idOf(originalDoc?.tenant ?? null)
  if (operation !== 'create' && !('recipients' in data) && !tenantChanged) return data
  const merged = { ...originalDoc, ...data }
  if (merged.tenant === null || merged.tenant === undefined) return data
  const ids = [...new Set((merged.recipients ?? []).map((recipient) => Number(idOf(recipient))).filter(Number.isSafeInteger))]
  if (ids.length === 0) return data // the field's own minRows / required reports it
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`
    select distinct _parent_id as id from users_tenants where tenant_id = ${idOf(merged.tenant)} and _parent_id = any(${`{${ids.join(',')}}`}::int[])`)) as { rows: { id: number }[] }
  const members = new Set(rows.map((row) => Number(row.id)))
  const outsiders = ids.filter((id) => !members.has(id))
  if (outsiders.length === 0) return data
  const message = `Recipients must be members of this studio; not a member: user ${outsiders.join(', ')}.`
  throw new ValidationError({ collection: collection.slug, errors: [{ message, path: 'recipients' }] })
}
