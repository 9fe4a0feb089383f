// Conversion inside a SQL query, for aggregates over many rows (reports): each row's amount at the rates of its
// own date, by the same rule as convertMinor: through EUR, rounded once, half-even, to the target's minor unit.
// The SQL functions it calls (atelier_rate_on, atelier_round_half_even) come with migration 20261206_reports.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import { currencyExponent } from '../../../utilities/currencyExponent'

/** Currencies whose minor unit is not the hundredth, from the runtime's ISO 4217 data (JPY 0, KWD 3, …). */
const unusualExponents = (): [string, number][] => {
  const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []
  return codes.map((code): [string, number] => [code, currencyExponent(code)]).filter(([, exponent]) => exponent !== 2)
}
let exponentCase: SQL | undefined

/** The exponent of the currency code `code` (a SQL expression), 2 unless listed. */
function exponentOf(code: SQL): SQL {
  exponentCase ??= sql.join(unusualExponents().map(([currency, exponent]) => sql.raw(`when '${currency}' then ${exponent}`)), sql` `)
  return sql`(case ${code} ${exponentCase} else 2 end)`
}

/**
 * `amount` (minor units of the currency `from` gives) in minor units of `to`, at the rates of the ECB day
 * on or before `on`'s UTC date (the earliest published day for older rows). Null when a rate is missing.
 */
export function convertedMinorSql(amount: SQL, from: SQL, on: SQL, to: string): SQL {
  const day = sql`to_char((${on}) at time zone 'UTC', 'YYYY-MM-DD')`
  return sql`atelier_round_half_even(
    (${amount})::numeric * power(10::numeric, ${currencyExponent(to)} - ${exponentOf(from)})
      * atelier_rate_on(${to}, ${day}) / atelier_rate_on(${from}, ${day}))`
}

/** Whether any rates are stored, and the target is a currency they cover (or EUR). */
export async function canConvertTo(db: { execute: (query: SQL) => Promise<unknown> }, to: string): Promise<'ok' | 'unknown_currency' | 'unavailable'> {
  const { rows } = (await db.execute(sql`select exists(select 1 from exchange_rates) as any_rates,
    (${to} = 'EUR' or exists(select 1 from exchange_rates where currency = ${to})) as known`)) as { rows: { any_rates: boolean; known: boolean }[] }
  if (!rows[0]?.any_rates) return 'unavailable'
  return rows[0].known ? 'ok' : 'unknown_currency'
}
