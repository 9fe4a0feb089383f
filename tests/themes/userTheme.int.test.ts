// A person's admin theme and colours: saved on them through their endpoints only, validated, read by nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Me = { customColors?: { accent: null | string; primary: null | string }; id: number; themePreference?: Record<string, unknown> }

describe('a person’s admin theme', () => {
  let app: TestApp
  let token: string
  let me: number

  const put = async (path: string, body: unknown, as: null | string = token) => {
    const response = await app.rest.request('PUT', path, { body, token: as ?? undefined })
    return { body: (await response.json()) as Record<string, unknown> & { code?: string; errors?: { message: string; path?: string }[] }, status: response.status }
  }
  const read = async (as = token) => (await (await app.rest.get(`/users/${me}?depth=0`, { token: as })).json()) as Me

  beforeAll(async () => {
    app = await startTestApp()
    const person = await createUser(app.payload, [])
    me = person.id
    token = await app.rest.login(person.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('saves the mode and a schedule across midnight on the person, for them alone', async () => {
    expect((await put('/user/theme', { mode: 'scheduled', schedule: { darkFrom: '20:00', darkUntil: '07:00' }, timezone: 'America/Montreal' })).status).toBe(200)
    expect((await read()).themePreference).toEqual({ darkFrom: '20:00', darkUntil: '07:00', mode: 'scheduled', timezone: 'America/Montreal' })
    expect((await put('/user/theme', { mode: 'dark' })).body).toEqual({ mode: 'dark', schedule: null, timezone: null })
    expect((await read()).themePreference).toMatchObject({ darkFrom: null, mode: 'dark' })
    const other = await app.rest.login((await createUser(app.payload, [])).email, PASSWORD)
    expect((await read(other)).themePreference).toBeUndefined()
    // Payload's own update does not write it: only the endpoint, which validates.
    await app.rest.patch(`/users/${me}`, { themePreference: { mode: 'sepia' } }, { token })
    expect((await read()).themePreference).toMatchObject({ mode: 'dark' })
  })

  it('refuses a bad theme with 4xx, never 500', async () => {
    const bodies = [
      { mode: 'scheduled' },
      { mode: 'scheduled', schedule: { darkFrom: '24:00', darkUntil: '07:00' } },
      { mode: 'scheduled', schedule: { darkFrom: '7:00', darkUntil: '07:00' } },
      { mode: 'sepia' },
      { mode: 'auto', timezone: 'Mars/Olympus' },
      { mode: 'auto', extra: 1 },
      'not json',
    ]
    for (const body of bodies) expect((await put('/user/theme', body)).status, JSON.stringify(body)).toBe(400)
    expect((await put('/user/theme', { mode: 'auto' }, null)).status).toBe(401)
  })

  it('takes accent colours that stand out at 3:1 on the admin’s light and dark backgrounds', async () => {
    expect((await put('/user/custom-colors', { primary: '#2563eb' })).body).toEqual({ accent: null, primary: '#2563eb' })
    expect((await put('/user/custom-colors', { accent: '#0d9488' })).body).toEqual({ accent: '#0d9488', primary: '#2563eb' })
    // Dark blue vanishes on the dark background; yellow on the light one.
    const dark = await put('/user/custom-colors', { primary: '#1e3a8a' })
    expect(dark).toMatchObject({ body: { code: 'contrast_too_low' }, status: 400 })
    expect(dark.body.errors).toEqual([{ message: 'primary on the admin background #000000: 2.02:1, needs 3:1', path: 'primary' }])
    expect((await put('/user/custom-colors', { accent: '#ffff00' })).body.errors?.[0]?.path).toBe('accent')
    for (const body of [{ primary: 'blue' }, { primary: '#12345' }, { other: '#000' }]) expect((await put('/user/custom-colors', body)).status, JSON.stringify(body)).toBe(400)
    expect((await read()).customColors).toEqual({ accent: '#0d9488', primary: '#2563eb' })
    expect((await put('/user/custom-colors', { primary: null })).body).toEqual({ accent: '#0d9488', primary: null })
  })
})
