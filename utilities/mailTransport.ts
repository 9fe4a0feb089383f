import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transport, type Transporter } from 'nodemailer'

type EmlInfo = { envelope: object; file: string; messageId: string }

export type MailSettings = {
  /** Where messages go without SMTP; unset: rendered and dropped (tests). */
  fileDir?: string
  host?: string
  pass?: string
  port?: number
  user?: string
}

/**
 * SMTP when `host` is set. Otherwise each message is written to `<fileDir>/*.eml` (development: open
 * them in a mail client), or rendered and dropped when there is no directory either (tests). Never an
 * internet test service.
 */
export function createMailTransport(settings: MailSettings): Transporter {
  if (settings.host) {
    return nodemailer.createTransport({
      auth: settings.user ? { pass: settings.pass ?? '', user: settings.user } : undefined,
      host: settings.host,
      port: settings.port ?? 587,
      secure: settings.port === 465,
    })
  }
  const dir = settings.fileDir
  if (!dir) return nodemailer.createTransport({ jsonTransport: true })
  const fileTransport: Transport<EmlInfo> = {
    name: 'eml-files',
    send(mail, callback) {
      mail.message.build((error, message) => {
        if (error) return callback(error, null as unknown as EmlInfo)
        try {
          mkdirSync(dir, { recursive: true })
          const file = path.resolve(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`)
          writeFileSync(file, message)
          console.warn(`[atelier] Email written to ${file} (no SMTP_HOST set)`)
          callback(null, { envelope: mail.message.getEnvelope(), file, messageId: mail.message.messageId() })
        } catch (writeError) {
          callback(writeError as Error, null as unknown as EmlInfo)
        }
      })
    },
    version: '1',
  }
  return nodemailer.createTransport(fileTransport)
}
