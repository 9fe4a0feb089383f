// The public booking pages' platform strings (plugins/i18n/defaults/bookingPage.ts): every key in English and
// French with the same placeholders and markup, French typography, the English the e2e tests read, and the
// pages' code using exactly these keys (none missing, none left over). Pure: reads files.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { type ApiFailure, describeFailure } from '../../app/(public)/[tenant]/book/api'
import { fillIn, pageFormat } from '../../app/(public)/[tenant]/book/format'
import { richNodes } from '../../app/(public)/[tenant]/book/messages'
import { BOOKING_PAGE_DEFAULTS } from '../../plugins/i18n/defaults/bookingPage'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DIRECTORIES = ['app/(public)/[tenant]/book', 'app/(public)/bookings', 'app/(public)/on-host']
const entries = Object.entries(BOOKING_PAGE_DEFAULTS)

/** Every .ts and .tsx file under `dir` (recursively), relative to the repository. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(relative)
    return /\.tsx?$/.test(entry.name) ? [relative] : []
  })
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((match) => match[0]).sort()
const englishOf = (key: string) => BOOKING_PAGE_DEFAULTS[key]?.en

describe('the booking pages’ default strings', () => {
  it('have many keys, each a valid translation key with English and French', () => {
    expect(entries.length).toBeGreaterThan(100)
    expect(englishOf('booking.eyebrow')).toBe('Book a room')
    for (const [key, { en, fr }] of entries) {
      // As the translations collection validates a key.
      expect(key, key).toMatch(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/)
      expect(key.length, key).toBeLessThanOrEqual(120)
      expect(en.trim(), `${key} (en)`).not.toBe('')
      expect(fr.trim(), `${key} (fr)`).not.toBe('')
      expect(Math.max(en.length, fr.length), key).toBeLessThanOrEqual(2000)
    }
  })

  it('have the same placeholders and markup in English and French', () => {
    for (const [key, { en, fr }] of entries) {
      expect(placeholders(fr), key).toEqual(placeholders(en))
      expect(tags(fr), key).toEqual(tags(en))
    }
  })

  it('write French with French typography: a non-breaking space before : ; ! ? and inside « », typographic apostrophes', () => {
    const problems = entries.flatMap(([key, { fr }]) => {
      const found: string[] = []
      if (/[^\u00a0\u202f][:;!?»]/.test(fr.replace(/HTTP|\d:\d/g, ''))) found.push('no non-breaking space before : ; ! ? »')
      if (/«[^\u00a0\u202f]/.test(fr)) found.push('no non-breaking space after «')
      if (fr.includes("'")) found.push('a straight apostrophe')
      if (/[“”]/.test(fr)) found.push('English quotation marks')
      return found.map((problem) => `${key}: ${problem}: ${fr}`)
    })
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('keep the English the end-to-end tests read', () => {
    const expected: Record<string, string> = {
      'booking.details.chooseAnother': 'Choose another time',
      'booking.details.submit': 'Book this time',
      'booking.field.email': 'Email',
      'booking.field.name': 'Name',
      'booking.form.nameMissing': 'Enter your name.',
      'booking.notFound.title': 'Studio not found',
      'booking.time.duration': 'Duration',
      'booking.time.nextWeek': 'Next week',
      'booking.time.slotEnd': 'to {end}',
      'booking.time.zone': 'Times are in {zone}',
      'currency.note.approximate': 'You pay in {charged}. Amounts in {shown} (≈) are approximate, at the European Central Bank’s rate of {date}.',
      'currency.note.same': 'Prices are in {charged}, the currency you pay in.',
      'manage.cancel.button': 'Cancel this booking',
      'manage.cancel.confirmHeading': 'Cancel this booking?',
      'manage.cancel.refundQuote': 'You will be refunded {amount}.',
      'manage.cancel.yes': 'Yes, cancel',
      'manage.confirm.button': 'Confirm my booking',
      'manage.confirm.heading': 'Confirm your booking',
      'manage.deposit.pay': 'Pay the deposit',
      'manage.headline.cancelled': 'This booking is cancelled',
      'manage.headline.confirmNeeded': 'Please confirm your booking',
      'manage.headline.pending': 'Your booking is received',
      'manage.invalidRef.heading': 'This link does not work',
      'manage.payment.refresh': 'Refresh',
      'manage.payment.waiting': 'Thank you, your payment is being confirmed',
      'manage.proof.code': 'Access code',
      'manage.proof.email': 'Email address you booked with',
      'manage.proof.heading': 'Find your booking',
      'manage.proof.submit': 'Show my booking',
      'manage.title': 'Your booking',
    }
    for (const [key, english] of Object.entries(expected)) expect(englishOf(key), key).toBe(english)
    expect(englishOf('booking.done.sentNotice')).toContain('access code')
    expect(englishOf('booking.form.taken')).toMatch(/just booked by someone else/)
    expect(englishOf('booking.notFound.text')).toMatch(/^There is no studio at the address/)
    expect(englishOf('manage.cancel.needsLink')).toMatch(/open the link in your booking email/)
    expect(fillIn(englishOf('manage.cancel.linkSentTo')!, { email: 'yann@example.test' })).toMatch(/a link to them is on its way to yann@example.test/)
    expect(englishOf('manage.payment.cancelled')!.replace(/<\/?strong>/g, '')).toMatch(/^The payment was not completed and nothing was charged/)
  })
})

describe('the pages’ code and the default strings', () => {
  const sources = DIRECTORIES.flatMap(sourcesUnder).map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }))
  // A message key as the pages write it: a quoted, dotted name in one of the pages' namespaces.
  const KEY_LITERAL = /'((?:api|booking|common|currency|format|language|lookup|manage)\.[A-Za-z0-9.-]+)'/g
  // A call of the page's `t` (or `rich`, or `say` in a callback) with a literal key, whatever its prefix.
  const T_CALL = /\b(?:t|rich|say|words\.current)\(\s*'([^']+)'/g
  const used = new Map<string, string[]>()
  for (const { file, text } of sources) {
    for (const match of [...text.matchAll(KEY_LITERAL), ...text.matchAll(T_CALL)]) used.set(match[1]!, [...(used.get(match[1]!) ?? []), file])
  }

  it('find the pages and their keys', () => {
    expect(sources.some(({ file }) => file.endsWith('messages.tsx'))).toBe(true)
    expect(sources.some(({ file }) => file.includes(`${path.sep}[ref]${path.sep}`))).toBe(true)
    expect(sources.some(({ file }) => file.includes(`${path.sep}bookings${path.sep}`))).toBe(true)
    expect(used.size).toBeGreaterThan(100)
  })

  it('use only keys that have default strings', () => {
    const missing = [...used].filter(([key]) => !Object.hasOwn(BOOKING_PAGE_DEFAULTS, key)).map(([key, files]) => `${key} (${[...new Set(files)].join(', ')})`)
    expect(missing, missing.join('\n')).toEqual([])
  })

  it('use every key that has a default string', () => {
    const unused = Object.keys(BOOKING_PAGE_DEFAULTS).filter((key) => !used.has(key))
    expect(unused, unused.join('\n')).toEqual([])
  })
})

describe('the words the page fills in', () => {
  const words = (language: 'en' | 'fr') => {
    const of = (key: string) => BOOKING_PAGE_DEFAULTS[key]![language]
    return { hours: of('format.duration.hours'), hoursMinutes: of('format.duration.hoursMinutes'), minutes: of('format.duration.minutes'), timeOnDate: of('format.timeOnDate') }
  }

  it('format durations, deadlines, dates and money in the page’s language (English reads British)', () => {
    const en = pageFormat('en', words('en'))
    expect([en.durationLabel(45), en.durationLabel(60), en.durationLabel(90)]).toEqual(['45 min', '1 h', '1 h 30 min'])
    expect(en.holdDeadline('2026-11-30T14:30:00+01:00')).toBe('14:30 on 30 Nov')
    expect(en.longDate('2026-12-04')).toBe('4 December 2026')
    expect(en.money(2500, 'EUR')).toBe('€25.00')
    expect(en.money(4205, 'USD')).toBe('US$42.05')
    expect([en.one(0), en.one(1), en.one(2)]).toEqual([false, true, false])
    const fr = pageFormat('fr', words('fr'))
    expect(fr.durationLabel(90)).toBe('1\u00a0h 30\u00a0min')
    expect(fr.holdDeadline('2026-11-30T14:30:00+01:00')).toBe('30 nov. à 14:30')
    expect(fr.longDate('2026-12-04')).toBe('4 décembre 2026')
    expect(fr.money(2500, 'EUR')).toMatch(/^25,00\s€$/)
    expect([fr.one(0), fr.one(1), fr.one(2)]).toEqual([true, true, false])
  })

  it('word the API’s failures as the defaults do, in English without the page’s messages (the onboarding wizard)', () => {
    const translate = (language: 'en' | 'fr') => (key: string, vars?: Record<string, number | string>) => fillIn(BOOKING_PAGE_DEFAULTS[key]?.[language] ?? key, vars)
    const failures: ApiFailure[] = [
      { errors: [{ message: 'x' }], local: 'network', ok: false, status: 0 },
      { errors: [{ message: 'x' }], local: 'http', ok: false, status: 502 },
      { errors: [{ message: 'Slow down.' }], ok: false, status: 429 },
      { errors: [{ message: 'Slow down.' }], ok: false, retryAfter: 1, status: 429 },
      { errors: [{ message: 'Slow down.' }], ok: false, retryAfter: 30, status: 429 },
    ]
    for (const failure of failures) expect(describeFailure(failure)).toBe(describeFailure(failure, translate('en')))
    expect(describeFailure(failures[1]!)).toBe('Something went wrong (HTTP 502). Please try again.')
    expect(describeFailure(failures[4]!, translate('fr'))).toBe('Trop de requêtes depuis votre connexion. Veuillez patienter 30\u00a0secondes, puis réessayer.')
    // The server's own sentences pass through as it wrote them.
    expect(describeFailure({ errors: [{ message: 'That time is no longer available.' }], ok: false, status: 409 }, translate('fr'))).toBe('That time is no longer available.')
  })

  it('render markup and elements inside a message, never the message as HTML', () => {
    const html = (template: string, vars?: Record<string, unknown>) =>
      renderToStaticMarkup(createElement(Fragment, null, ...richNodes(template, vars as Record<string, never>)))
    expect(html(BOOKING_PAGE_DEFAULTS['manage.payment.cancelled']!.fr)).toBe('<strong>Le paiement n’a pas abouti</strong> et rien n’a été débité.')
    expect(html('Réservations faites avec {email}\u00a0:', { email: createElement('strong', null, 'a@b.c') })).toBe('Réservations faites avec <strong>a@b.c</strong>\u00a0:')
    expect(html('<script>alert(1)</script> {missing}')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; {missing}')
  })
})
