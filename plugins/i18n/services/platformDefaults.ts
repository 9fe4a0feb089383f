// The platform's UI strings (en and fr, from defaults/), put in place after migrations: a key missing from
// the database is added, a value an operator edited is never overwritten. One SQL statement, so that every
// start (and every test database) pays one round trip.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Namespace } from './namespaces'

import { poolDb } from '../../../utilities/transactionDb'
import { BOOKING_PAGE_DEFAULTS } from '../defaults/bookingPage'
import { EMAIL_DEFAULTS } from '../defaults/emails'
import { forgetTranslations } from './lookup'

export type DefaultStrings = Record<string, { en: string; fr: string }>

const DEFAULTS: [Namespace, DefaultStrings][] = [
  ['booking-page', BOOKING_PAGE_DEFAULTS],
  ['emails', EMAIL_DEFAULTS],
]

/** Adds the platform strings not yet stored; answers how many keys it added. */
export async function ensurePlatformTranslations(payload: Payload): Promise<number> {
  const strings = DEFAULTS.flatMap(([namespace, byKey]) => Object.entries(byKey).map(([key, { en, fr }]) => ({ en, fr, key, namespace })))
  const { rows } = (await poolDb(payload).execute(sql`
    with wanted as (
      select * from jsonb_to_recordset(${JSON.stringify(strings)}::jsonb) as s(key text, namespace text, en text, fr text)
    ), added as (
      insert into translations (key, namespace, updated_at, created_at)
      select w.key, w.namespace::enum_translations_namespace, now(), now() from wanted w
      where not exists (select 1 from translations t where t.tenant_id is null and t.namespace::text = w.namespace and t.key = w.key)
      -- Two nodes starting at once: the second inserts nothing rather than failing its start.
      on conflict (coalesce(tenant_id, 0), namespace, key) do nothing
      returning id, key, namespace::text as namespace
    ), values_added as (
      insert into translations_locales (value, _locale, _parent_id)
      select v.value, v.locale::_locales, a.id
      from added a join wanted w on w.key = a.key and w.namespace = a.namespace
      cross join lateral (values ('en', w.en), ('fr', w.fr)) as v(locale, value)
      returning _parent_id
    )
    select count(distinct _parent_id)::int as added from values_added`)) as { rows: { added: number }[] }
  const added = rows[0]?.added ?? 0
  if (added > 0) forgetTranslations()
  return added
}
