// A real SMTP server on 127.0.0.1 that keeps what it receives: the mail edge, replaced in tests.
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  /** Decoded from quoted-printable as UTF-8: good enough to search for links and text. */
  body: string
  from: string
  raw: string
  subject: string
  to: string[]
}

/** Quoted-printable to UTF-8 text (multi-byte characters included). */
const decodeQuotedPrintable = (text: string) => {
  const joined = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let index = 0; index < joined.length; index += 1) {
    const hex = joined[index] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(index + 1, index + 3)) : null
    if (hex) {
      bytes.push(parseInt(hex[0], 16))
      index += 2
    } else {
      bytes.push(...Buffer.from(joined[index]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** RFC 2047 encoded words in a header (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), possibly folded. */
const decodeHeader = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )

export type SmtpTestServer = {
  close: () => Promise<void>
  /** What points the app at this server: `startTestApp(smtp.env)`. */
  env: { SMTP_HOST: string; SMTP_PORT: string }
  messages: ReceivedMail[]
  /** Resolves with the first message matching, waiting up to `timeoutMs` for it to arrive. */
  waitFor: (match: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>
}

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
        messages.push({
          body: decodeQuotedPrintable(rest.join('\n\n')),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw,
          subject: decodeHeader(/^Subject: (.*(?:\r?\n[ \t].*)*)$/m.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim() ?? ''),
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }

  const waitFor = async (match: (mail: ReceivedMail) => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = messages.find(match)
      if (found) return found
      if (Date.now() > deadline) throw new Error('No matching email arrived')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    messages,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) },
    waitFor,
  }
}
