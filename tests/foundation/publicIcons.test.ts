// Every root layout outside the admin gives its pages an icon (Next's `icon.svg` file convention): without
// one, browsers ask for /favicon.ico, which answers 404, the one console error Lighthouse found on the
// booking page. The admin has Payload's own icons.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const appDir = path.resolve(import.meta.dirname, '../../app')
const publicRootLayouts = readdirSync(appDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== '(payload)' && existsSync(path.join(appDir, entry.name, 'layout.tsx')))
  .map((entry) => entry.name)

describe('icons of the public pages', () => {
  it('finds the public root layouts', () => {
    expect(publicRootLayouts).toEqual(expect.arrayContaining(['(frontend)', '(public)']))
  })

  it.each(publicRootLayouts)('%s has an SVG icon', (group) => {
    const icon = readFileSync(path.join(appDir, group, 'icon.svg'), 'utf8')
    expect(icon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]*>[\s\S]*<\/svg>\s*$/)
  })
})
