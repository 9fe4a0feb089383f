// Rate tables read from PostgreSQL, kept in this process for ten minutes, or until a refresh or a currency
// edit here forgets them: a conversion then costs no query, and another node's refresh shows within ten
// minutes. Rates are per 1 EUR, exact decimal strings; EUR itself is '1'.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { RateTable } from './conversion'

import { processCache } from '../../../utilities/processCaches'
import { poolDb } from '../../../utilities/transactionDb'

export type DatedRates = { date: string; rates: RateTable }

const LATEST = 'latest'
/** Past days asked for are few (reports, reproductions); a bound keeps a scan of years from filling memory. */
const MAX_ENTRIES = 400
const TTL_MS = 10 * 60_000
const tables = processCache<string, { loadedAt: number; table: Promise<DatedRates | null> }>()

export function forgetRates(): void {
  tables.clear()
}

async function load(payload: Payload, onOrBefore: null | string): Promise<DatedRates | null> {
  const { rows } = (await poolDb(payload).execute(sql`
    select rate.date, rate.currency, rate.rate::text as rate
    from exchange_rates rate join currencies currency on currency.code = rate.currency and currency.active
    where rate.date = (select max(date) from exchange_rates ${onOrBefore === null ? sql`` : sql`where date <= ${onOrBefore}`})`)) as {
    rows: { currency: string; date: string; rate: string }[]
  }
  if (rows.length === 0) return null
  return { date: rows[0]!.date, rates: { EUR: '1', ...Object.fromEntries(rows.map((row) => [row.currency, row.rate])) } }
}

/** Makes room by the least recently loaded past day; the newest rates, which every page uses, stay. */
function evictOldestPastDay(): void {
  for (const key of tables.keys()) {
    if (key === LATEST) continue
    tables.delete(key)
    return
  }
}

function cached(key: string, read: () => Promise<DatedRates | null>): Promise<DatedRates | null> {
  const entry = tables.get(key)
  if (entry && Date.now() - entry.loadedAt < TTL_MS) return entry.table
  if (tables.size >= MAX_ENTRIES) evictOldestPastDay()
  // A failed read is not kept: the next call asks again.
  const table = read().catch((error: unknown) => {
    tables.delete(key)
    throw error
  })
  tables.set(key, { loadedAt: Date.now(), table })
  return table
}

/** The newest published day's rates of the active currencies, or null before the first refresh. */
export const latestRates = (payload: Payload) => cached(LATEST, () => load(payload, null))

/** The rates of `date` (YYYY-MM-DD), or of the closest earlier published day. */
export const ratesOn = (payload: Payload, date: string) => cached(date, () => load(payload, date))
