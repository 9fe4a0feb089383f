// Without SMTP, development mail lands in .eml files one can open; with SMTP_HOST it goes to the server.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { createMailTransport } from '../../utilities/mailTransport'
import { startSmtpServer } from '../helpers/smtpServer'

describe('mail transport', () => {
  it('writes each message to an .eml file when no SMTP host is set', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'atelier-mail-'))
    try {
      await createMailTransport({ fileDir: dir }).sendMail({ from: 'a@atelier.test', subject: 'Réservation reçue', text: 'Bonjour', to: 'b@atelier.test' })
      const files = await readdir(dir)
      expect(files).toHaveLength(1)
      expect(files[0]).toMatch(/\.eml$/)
      const eml = await readFile(path.join(dir, files[0]!), 'utf8')
      expect(eml).toMatch(/^To: b@atelier\.test$/m)
      expect(eml).toContain('Bonjour')
    } finally {
      await rm(dir, { force: true, recursive: true })
    }
  })

  it('sends through SMTP_HOST and SMTP_PORT', async () => {
    const smtp = await startSmtpServer()
    try {
      await createMailTransport({ host: smtp.env.SMTP_HOST, port: Number(smtp.env.SMTP_PORT) }).sendMail({ from: 'a@atelier.test', subject: 'Hello', text: 'x', to: 'c@atelier.test' })
      expect((await smtp.waitFor((mail) => mail.to.includes('c@atelier.test'))).subject).toBe('Hello')
    } finally {
      await smtp.close()
    }
  })
})
