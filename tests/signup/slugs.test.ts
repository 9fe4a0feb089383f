// The slug rule without a database: every first path segment the app serves is reserved.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { APP_PATH_SEGMENTS, slugFormatVerdict } from '../../plugins/signup'

/** First URL segments of every route under app/, looking through route groups like `(public)`. */
function firstSegments(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => (/^\(.*\)$/.test(entry.name) ? firstSegments(path.join(dir, entry.name)) : [entry.name]))
}

describe('slugs', () => {
  it('reserves every first path segment of the app', () => {
    const segments = firstSegments(path.resolve(import.meta.dirname, '../../app')).filter((segment) => !segment.startsWith('['))
    expect(segments.length).toBeGreaterThan(2)
    for (const segment of segments) expect(APP_PATH_SEGMENTS, segment).toContain(segment)
  })

  it('answers invalid, reserved or available', () => {
    expect(slugFormatVerdict('ab', [])).toEqual({ available: false, reason: 'invalid' })
    expect(slugFormatVerdict('a'.repeat(63), [])).toEqual({ available: true })
    expect(slugFormatVerdict('a'.repeat(64), [])).toEqual({ available: false, reason: 'invalid' })
    expect(slugFormatVerdict('double--hyphen', [])).toEqual({ available: false, reason: 'invalid' })
    expect(slugFormatVerdict('signup', [])).toEqual({ available: false, reason: 'reserved' })
    expect(slugFormatVerdict('our-brand', ['our-brand'])).toEqual({ available: false, reason: 'reserved' })
    expect(slugFormatVerdict('studio-lumiere', ['our-brand'])).toEqual({ available: true })
  })
})
