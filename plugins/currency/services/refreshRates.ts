// Fetches the ECB's daily file and stores its rates, all of them or none. A bad answer (HTTP error, malformed
// XML, an active currency missing, a rate that is not positive) keeps the old rates, is logged and audited.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { parseEcbDaily, RatesParseError } from './ecbRates'
import { currencyOptions, PROVIDER } from './options'
import { forgetRates } from './rateCache'

export type RefreshOutcome = { date: string; inserted: number }

export class RatesRefreshError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RatesRefreshError'
  }
}

const FETCH_TIMEOUT_MS = 15_000

async function fetchDaily(url: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/xml, text/xml' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  } catch (error) {
    throw new RatesRefreshError(`The rates provider could not be reached (${error instanceof Error ? error.message : String(error)}).`)
  }
  if (!response.ok) throw new RatesRefreshError(`The rates provider answered HTTP ${response.status}.`)
  return response.text()
}

/** Active currencies the provider must publish: every one but EUR, the base. */
async function requiredCodes(req: PayloadRequest): Promise<string[]> {
  const { rows } = (await poolDb(req.payload).execute(sql`select code from currencies where active and code <> 'EUR' order by code`)) as { rows: { code: string }[] }
  return rows.map((row) => row.code)
}

/** Stores the provider's day; the same day twice inserts nothing (one row per date and currency). */
export async function refreshRates(req: PayloadRequest): Promise<RefreshOutcome> {
  const { ratesUrl } = currencyOptions(req.payload)
  try {
    const day = parseEcbDaily(await fetchDaily(ratesUrl), { required: await requiredCodes(req) })
    const entries = Object.entries(day.rates)
    const inserted = await inTransaction(req, async () => {
      const db = await transactionDb(req)
      const values = sql.join(
        entries.map(([currency, rate]) => sql`(${day.date}, ${currency}, ${rate}::numeric, ${PROVIDER}, now(), now())`),
        sql`, `,
      )
      const result = (await db.execute(sql`
        insert into exchange_rates (date, currency, rate, provider, created_at, updated_at) values ${values}
        on conflict (date, currency) do nothing returning id`)) as { rows: unknown[] }
      if (result.rows.length > 0) {
        await writeAuditEntry(req, { action: 'rates_refreshed', collection: 'exchange-rates', details: { date: day.date, inserted: result.rows.length, provider: PROVIDER } })
      }
      return result.rows.length
    })
    forgetRates()
    return { date: day.date, inserted }
  } catch (error) {
    if (!(error instanceof RatesRefreshError || error instanceof RatesParseError)) throw error
    req.payload.logger.error({ msg: `Exchange rates not refreshed: ${error.message}`, url: ratesUrl })
    // Outside any transaction: the failure stays on record even when the caller's work rolls back.
    await writeAuditEntry(req, { action: 'rates_refresh_failed', collection: 'exchange-rates', details: { reason: error.message, url: ratesUrl } }, { detached: true })
    throw error instanceof RatesRefreshError ? error : new RatesRefreshError(`The rates file was refused: ${error.message}`)
  }
}
