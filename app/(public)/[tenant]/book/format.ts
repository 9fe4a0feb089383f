// The labels and formats the public booking pages share: calendar dates as `YYYY-MM-DD` strings, wall-clock
// times read straight from the API's offset strings (already in the studio's zone), durations, and money in
// minor units. Pure. Each formatter takes the page's `Intl` locale (British English unless told); the words
// (durations, "14:30 on 30 Nov") come from the page's messages through `pageFormat`. What a booking costs,
// whether it can be paid or cancelled, and its status label come from the API; nothing here decides them.
import { currencyExponent } from '../../../../utilities/currencyExponent'

/** The `Intl` locale of a page language: English reads British (day before month, "US$"). */
const INTL_LOCALES: Record<string, string> = { de: 'de-DE', en: 'en-GB', es: 'es-ES', fr: 'fr-FR' }
const PAGE_LOCALE = 'en-GB'
const DAY_MS = 86_400_000

export const intlLocale = (language: string): string => INTL_LOCALES[language] ?? PAGE_LOCALE

/** A plausible email address, to say so next to the field before asking the server (which decides). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Today's calendar date in `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { day: '2-digit', month: '2-digit', timeZone, year: 'numeric' }).formatToParts(now)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** `date` moved by `days` calendar days (no time zone involved). */
export const addDays = (date: string, days: number): string => new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10)

/** "Monday 30 November" for a calendar date, whatever the browser's zone. */
export const dayLabel = (date: string, locale = PAGE_LOCALE): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC', weekday: 'long' }).format(utcMidnight(date))

/** "4 December 2026" for a calendar date. */
export const longDate = (date: string, locale = PAGE_LOCALE): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC', year: 'numeric' }).format(utcMidnight(date))

/** "30 Nov" for a calendar date. */
export const shortDayLabel = (date: string, locale = PAGE_LOCALE): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcMidnight(date))

/** The wall-clock `HH:MM` of an API time such as `2026-11-30T10:00:00+01:00`, as written (studio zone). */
export const wallTime = (instant: string): string => instant.slice(11, 16)

/** The calendar date of an API time, as written (studio zone). */
export const wallDate = (instant: string): string => instant.slice(0, 10)

/** "10:00 – 11:00", with the end date when a booking runs past midnight (wall-clock times of the studio). */
export function timeRange(start: string, end: string, locale = PAGE_LOCALE): string {
  const endsAnotherDay = wallDate(end) !== wallDate(start)
  return `${wallTime(start)} – ${endsAnotherDay ? `${shortDayLabel(wallDate(end), locale)}, ` : ''}${wallTime(end)}`
}

/** "Monday, 30 November 2026" for an API time (its calendar date in the studio's zone). */
export const fullDate = (instant: string, locale = PAGE_LOCALE): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC', weekday: 'long', year: 'numeric' }).format(utcMidnight(wallDate(instant)))

/** `template` with each `{name}` replaced by `vars[name]`; an unknown name stays as written, so a gap shows. */
export const fillIn = (template: string, vars: Record<string, number | string> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole))

/** The words of the formats, in the page's language: templates with `{hours}`, `{minutes}`, `{time}`, `{date}`. */
export type FormatWords = { hours: string; hoursMinutes: string; minutes: string; timeOnDate: string }
const ENGLISH_FORMAT_WORDS: FormatWords = { hours: '{hours} h', hoursMinutes: '{hours} h {minutes} min', minutes: '{minutes} min', timeOnDate: '{time} on {date}' }

/** "14:30 on 30 Nov": when a hold ends, in the studio's wall-clock time. */
export const holdDeadline = (instant: string, locale = PAGE_LOCALE, words: FormatWords = ENGLISH_FORMAT_WORDS): string =>
  fillIn(words.timeOnDate, { date: shortDayLabel(wallDate(instant), locale), time: wallTime(instant) })

/** "1 h", "1 h 30 min", "45 min". */
export function durationLabel(minutes: number, words: FormatWords = ENGLISH_FORMAT_WORDS): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return fillIn(words.minutes, { minutes: rest })
  return rest === 0 ? fillIn(words.hours, { hours }) : fillIn(words.hoursMinutes, { hours, minutes: rest })
}

/** Formats an integer amount of minor units (cents) of `currency`. */
export function formatMoney(minor: number, currency: string, locale = PAGE_LOCALE): string {
  const digits = currencyExponent(currency)
  const options = { maximumFractionDigits: digits, minimumFractionDigits: digits }
  try {
    return new Intl.NumberFormat(locale, { ...options, currency, style: 'currency' }).format(minor / 10 ** digits)
  } catch {
    // A code Intl refuses: the amount (two decimals) and the code as given rather than nothing.
    return `${new Intl.NumberFormat(locale, options).format(minor / 10 ** digits)} ${currency}`
  }
}

/** "€7.50 (30 %)", the non-breaking space keeping the percentage together on a narrow screen. */
export const refundText = (amount: number, percent: number, currency: string, locale = PAGE_LOCALE): string =>
  `${formatMoney(amount, currency, locale)} (${percent}\u00a0%)`

/** The formats bound to a page's language and its words, as the components use them. */
export function pageFormat(language: string, words: FormatWords) {
  const locale = intlLocale(language)
  const plurals = new Intl.PluralRules(locale)
  return {
    dayLabel: (date: string) => dayLabel(date, locale),
    durationLabel: (minutes: number) => durationLabel(minutes, words),
    fullDate: (instant: string) => fullDate(instant, locale),
    holdDeadline: (instant: string) => holdDeadline(instant, locale, words),
    locale,
    longDate: (date: string) => longDate(date, locale),
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
    /** Whether `count` takes the singular in this language (French: 0 and 1; English: 1 alone). */
    one: (count: number) => plurals.select(count) === 'one',
    refundText: (amount: number, percent: number, currency: string) => refundText(amount, percent, currency, locale),
    shortDayLabel: (date: string) => shortDayLabel(date, locale),
    timeRange: (start: string, end: string) => timeRange(start, end, locale),
  }
}
export type PageFormat = ReturnType<typeof pageFormat>
