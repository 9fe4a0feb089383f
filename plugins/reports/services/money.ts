// Money in report files: integer minor units as the exact major-unit decimal a spreadsheet or a reader sees.
import type { ReportColumn, ReportRow } from '../types'

import { currencyExponent } from '../../../utilities/currencyExponent'

// The exponent is asked of Intl, which is slow to construct: once per currency per process is enough.
const exponents = new Map<string, number>()

function exponentOf(currency: string): number {
  let exponent = exponents.get(currency)
  if (exponent === undefined) {
    exponent = currencyExponent(currency)
    exponents.set(currency, exponent)
  }
  return exponent
}

/**
 * "-12.50" from -1250 EUR, "1500" from 1500 JPY, "1.500" from 1500 KWD: the digits are placed by string
 * arithmetic, so no float division can misround. An unknown or empty currency gets 2 decimals.
 */
export function minorToDecimalString(minor: number, currency: string): string {
  if (!Number.isFinite(minor)) throw new RangeError(`Not an amount of minor units: ${minor}`)
  const exponent = exponentOf(currency)
  // An aggregate (an average) can fall between minor units: the nearest one, halves away from zero.
  const units = BigInt(Math.round(Math.abs(minor)))
  const digits = units.toString().padStart(exponent + 1, '0')
  const sign = minor < 0 && units !== 0n ? '-' : ''
  if (exponent === 0) return `${sign}${digits}`
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/** A money cell's currency: the column's own, else the row's value at `currencyKey`; '' when neither says. */
export function moneyCurrency(column: ReportColumn, row: ReportRow): string {
  if (column.currency) return column.currency
  const code = column.currencyKey === undefined ? null : row[column.currencyKey]
  return typeof code === 'string' ? code : ''
}
