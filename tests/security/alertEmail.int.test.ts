// The audit alert email is HTML: what the request that raised it carried (its forwarded address, its user
// agent) must reach the owner's mailbox as text, not as markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { hourIn } from '../../plugins/audit-log/services/risk'
import { createTenant, createUser, PASSWORD, uploadForm } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const IMG = '<img src=x onerror=alert(document.cookie)>'
const SCRIPT = '<script>alert(1)</script>'

// Deleting 21 documents at night scores 80: an alert.
const nightZone = () => Intl.supportedValuesOf('timeZone').find((zone) => {
  const hour = hourIn(new Date(), zone)
  return hour < 6 || hour >= 22
})!

describe('audit alert email', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let owner: User

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp(smtp.env)
    studio = await createTenant(app.payload, { timezone: nightZone() })
    owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('escapes the address and user agent of the request that raised it', async () => {
    const admin = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
    const token = await app.rest.login(admin.email, PASSWORD)
    const headers = { 'User-Agent': SCRIPT, 'X-Forwarded-For': IMG }
    const ids: number[] = []
    for (let index = 0; index < 21; index++) {
      const response = await app.rest.post('/media', uploadForm({ alt: `bulk ${index}`, tenant: studio.id }), { headers, token })
      ids.push(((await response.json()) as { doc: { id: number } }).doc.id)
    }
    for (const id of ids) expect((await app.rest.delete(`/media/${id}`, { headers, token })).status).toBe(200)
    await app.payload.jobs.run()

    const mail = await smtp.waitFor((message) => message.to.includes(owner.email))
    expect(mail.subject).toBe('Security alert: delete (risk 80)')
    // The HTML part (the whole body when it is the only one); a plain-text part may say <script> as it is.
    const html = mail.body.split(/\r?\n--/).find((part) => /^Content-Type: text\/html/im.test(part)) ?? mail.body
    expect(html).toContain('Atelier flagged an event with risk 80/100')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})
