// Money as people read and type it: minor units and a currency's exponent (JPY 0, EUR 2, KWD 3) to
// "€80.50" in the admin language, and "80", "80.50" or "80,50" back to 8050. Pure.
import { currencyExponent } from '../../../utilities/currencyExponent'

export const toMajorUnits = (amount: number, currency: string): number => amount / 10 ** currencyExponent(currency)

export function formatMinorUnits(amount: number, currency: string, language: string): string {
  const exponent = currencyExponent(currency)
  try {
    return new Intl.NumberFormat(language, { currency, maximumFractionDigits: exponent, minimumFractionDigits: exponent, style: 'currency' }).format(amount / 10 ** exponent)
  } catch {
    return `${(amount / 10 ** exponent).toFixed(exponent)} ${currency}`
  }
}

/** The amount as typed, without symbol or grouping, for the input: 8050 EUR → "80.50" (en) or "80,50" (fr). */
export function minorUnitsAsInput(amount: number, currency: string, language: string): string {
  const exponent = currencyExponent(currency)
  return new Intl.NumberFormat(language, { maximumFractionDigits: exponent, minimumFractionDigits: exponent, useGrouping: false }).format(amount / 10 ** exponent)
}

export type ParsedAmount = { minorUnits: number; ok: true } | { message: string; ok: false }

type Problem = 'decimals' | 'empty' | 'notAnAmount' | 'tooLarge'

const PROBLEMS: Record<'en' | 'fr', (problem: Problem, currency: string, exponent: number) => string> = {
  en: (problem, currency, exponent) =>
    ({
      decimals: exponent === 0 ? `${currency} has no decimals.` : `At most ${exponent} decimals for ${currency}.`,
      empty: 'Enter an amount.',
      notAnAmount: 'Enter an amount with digits only, e.g. 80 or 80.50.',
      tooLarge: 'This amount is too large.',
    })[problem],
  fr: (problem, currency, exponent) =>
    ({
      decimals: exponent === 0 ? `${currency} n’a pas de décimales.` : `${exponent} décimales au plus pour ${currency}.`,
      empty: 'Saisissez un montant.',
      notAnAmount: 'Saisissez un montant en chiffres, par ex. 80 ou 80,50.',
      tooLarge: 'Ce montant est trop grand.',
    })[problem],
}

/**
 * "80", "80.50", "80,50", "1 280,50" or "1,280.50" to minor units, by string arithmetic (no float rounding).
 * The last `.` or `,` is the decimal mark, unless it appears more than once alone ("1,280,000"): then
 * every mark groups. Marks of the other kind before the decimal mark group. Refusals are worded in `language`.
 */
export function parseAmount(input: string, currency: string, language = 'en'): ParsedAmount {
  const exponent = currencyExponent(currency)
  const refuse = (problem: Problem): ParsedAmount => ({ message: PROBLEMS[language.startsWith('fr') ? 'fr' : 'en'](problem, currency, exponent), ok: false })
  const compact = input.trim().replace(/[\s\u00a0\u202f']/g, '')
  if (compact === '') return refuse('empty')
  if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return refuse('notAnAmount')
  const mark = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','))
  const markChar = compact[mark]
  const onlyGrouping = mark >= 0 && compact.split(markChar!).length > 2 && !compact.includes(markChar === '.' ? ',' : '.')
  const hasDecimals = mark >= 0 && !onlyGrouping
  const whole = (hasDecimals ? compact.slice(0, mark) : compact).replace(/[.,]/g, '')
  const fraction = hasDecimals ? compact.slice(mark + 1) : ''
  if (hasDecimals && compact.slice(0, mark).includes(markChar!)) return refuse('notAnAmount')
  if (fraction.length > exponent) return refuse('decimals')
  const digits = `${whole}${fraction.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '')
  if (digits.length > 15) return refuse('tooLarge')
  return { minorUnits: Number(digits), ok: true }
}
