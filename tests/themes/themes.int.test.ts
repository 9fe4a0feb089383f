// Themes over REST: editors make them, a pair under AA contrast is refused with its path and ratio, one
// default per studio, and the public stylesheet with its ETag, 304 and studio check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { DEFAULT_DARK, DEFAULT_LIGHT } from '../../plugins/themes'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type FieldError = { message: string; path?: string }
type Answer = { body: { doc?: { id: number; isDefault: boolean } }; fieldErrors: FieldError[]; status: number }
type PayloadErrors = { errors?: (FieldError & { data?: { errors?: FieldError[] } })[] }

/** Payload's REST answer to a ValidationError nests the field errors in `data`. */
const fieldErrorsOf = (body: PayloadErrors): FieldError[] => (body.errors ?? []).flatMap((error) => error.data?.errors ?? [error])

describe('themes', () => {
  let app: TestApp
  let studio: Tenant
  let other: Tenant
  let editor: string
  let artist: string
  let otherThemeId: number

  const post = async (body: Record<string, unknown>, token = editor): Promise<Answer> => {
    const response = await app.rest.post('/themes', { tenant: studio.id, ...body }, { token })
    const json = (await response.json()) as Answer['body'] & PayloadErrors
    return { body: json, fieldErrors: fieldErrorsOf(json), status: response.status }
  }
  const css = (id: number | string, query = `tenant=${studio.slug}`, headers: Record<string, string> = {}) => app.rest.get(`/themes/${id}/css?${query}`, { headers })

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload)
    other = await createTenant(app.payload)
    editor = await app.rest.login((await createUser(app.payload, [{ role: 'editor', tenant: studio }])).email, PASSWORD)
    artist = await app.rest.login((await createUser(app.payload, [{ role: 'artist', tenant: studio }])).email, PASSWORD)
    otherThemeId = (await app.payload.create({ collection: 'themes', data: { dark: DEFAULT_DARK, isDefault: true, light: DEFAULT_LIGHT, name: 'Other', tenant: other.id } })).id
  })
  afterAll(async () => {
    await app?.close()
  })

  it('lets an editor make one, and not an artist', async () => {
    const made = await post({ light: { primary: '#0f766e' }, name: 'Lake' })
    expect(made.status).toBe(201)
    expect((await post({ name: 'Nope' }, artist)).status).toBe(403)
  })

  it('refuses text hard to read, naming the pair, its ratio and the ratio needed, in either mode', async () => {
    const light = await post({ light: { surface: '#ffffff', text: '#999999' }, name: 'Faint' })
    expect(light.status).toBe(400)
    expect(light.fieldErrors).toContainEqual({ message: 'text on surface: 2.84:1, needs 4.5:1', path: 'light.text' })
    const dark = await post({ dark: { onPrimary: '#ffffff', primary: '#93c5fd' }, name: 'Pale buttons' })
    expect(dark.status).toBe(400)
    expect(dark.fieldErrors.map((error) => error.path)).toEqual(['dark.onPrimary'])
    expect(dark.fieldErrors[0]?.message).toMatch(/^onPrimary on primary: [\d.]+:1, needs 4.5:1$/)
    // An update is checked as the theme will stand: one colour changed against the ones it keeps.
    const made = await post({ name: 'Kept' })
    const updated = await app.rest.patch(`/themes/${made.body.doc!.id}`, { light: { mutedText: '#d6d3d1' } }, { token: editor })
    expect(updated.status).toBe(400)
    expect(fieldErrorsOf((await updated.json()) as PayloadErrors).map((error) => error.path)).toEqual(['light.mutedText'])
  })

  it('refuses a colour that is not #rgb or #rrggbb', async () => {
    for (const colour of ['blue', '#12345', '#1234567', 'rgb(0,0,0)', '#ggg']) {
      const answer = await post({ light: { accent: colour }, name: 'Odd' })
      expect(answer.status, colour).toBe(400)
      expect(answer.fieldErrors.map((error) => error.path), colour).toContain('light.accent')
    }
  })

  it('keeps one default per studio: a new default replaces the previous one', async () => {
    const first = await post({ isDefault: true, name: 'First' })
    const second = await post({ isDefault: true, name: 'Second' })
    expect([first.status, second.status]).toEqual([201, 201])
    const defaults = await app.payload.find({ collection: 'themes', where: { and: [{ tenant: { equals: studio.id } }, { isDefault: { equals: true } }] } })
    expect(defaults.docs.map((theme) => theme.name)).toEqual(['Second'])
    // The other studio's default is untouched.
    expect((await app.payload.findByID({ collection: 'themes', id: otherThemeId })).isDefault).toBe(true)
  })

  it('serves the stylesheet publicly with a strong ETag, and 304 for it', async () => {
    const made = await post({ dark: { primary: '#5eead4' }, light: { primary: '#0f766e', radius: 2 }, name: 'Served' })
    const id = made.body.doc!.id
    const answer = await css(id)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300')
    const etag = answer.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const body = await answer.text()
    expect(body).toMatch(/^:root \{\n {2}--atelier-background: #fafaf9;/)
    expect(body).toContain('--atelier-primary: #0f766e;')
    expect(body).toContain('--atelier-radius: 2px;')
    expect(body).toContain('@media (prefers-color-scheme: dark) {\n:root:not([data-theme="light"]) {')
    expect(body).toContain('[data-theme="dark"] {\n  --atelier-background: #1c1917;')
    expect(body.split('--atelier-primary: #5eead4;')).toHaveLength(3)

    const again = await css(id, `tenant=${studio.slug}`, { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect((await css(id, `tenant=${studio.slug}`, { 'If-None-Match': '"something-else"' })).status).toBe(200)
  })

  it('answers 404 for another studio’s theme and 4xx for bad input, never 500', async () => {
    expect((await css(otherThemeId)).status).toBe(404)
    expect((await css(otherThemeId, `tenant=${other.slug}`)).status).toBe(200)
    expect((await css(999_999)).status).toBe(404)
    expect((await css(otherThemeId, '')).status).toBe(400) // no studio named on the platform's host
    expect((await css('abc')).status).toBe(400)
    expect((await css(otherThemeId, 'tenant=nobody-here')).status).toBe(404)
    expect((await css(otherThemeId, `tenant=${other.slug}&extra=1`)).status).toBe(400)
    await app.payload.update({ collection: 'tenants', data: { status: 'suspended' }, id: other.id })
    expect((await css(otherThemeId, `tenant=${other.slug}`)).status).toBe(404)
  })
})
