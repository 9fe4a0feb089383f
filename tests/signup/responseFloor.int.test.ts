// Every signup answer waits out the same floor, so a fresh address (a studio to make) and a known one (a
// notice to send) take the same time to answer.
import { afterAll, beforeAll, expect, it } from 'vitest'

import { createTenant, createUser } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const FLOOR_MS = 1200
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ ATELIER_SIGNUP_RESPONSE_FLOOR_MS: String(FLOOR_MS) })
})
afterAll(() => app?.close())

it('takes at least the floor for a fresh address, a known one and a taken slug', async () => {
  const studio = await createTenant(app.payload)
  const known = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
  const body = (email: string, slug: string) => ({ email, password: 'A-long-enough-password', slug, studioName: 'Floor Studio' })
  const cases = [body('fresh@floor.test', 'floor-fresh'), body(known.email, 'floor-known'), body('other@floor.test', studio.slug)]
  const elapsed: number[] = []
  const statuses: number[] = []
  for (const [index, input] of cases.entries()) {
    const started = performance.now()
    const response = await app.rest.post('/signup', input, { headers: { 'X-Forwarded-For': `192.0.2.${index + 1}` } })
    statuses.push(response.status)
    elapsed.push(performance.now() - started)
  }
  expect(statuses).toEqual([202, 202, 409])
  // A few ms of slack: the service and the test read different clocks.
  for (const duration of elapsed) expect(duration).toBeGreaterThanOrEqual(FLOOR_MS - 5)
})
