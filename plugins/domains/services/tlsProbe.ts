// The doctor's TLS check: a real handshake with the domain as SNI, reporting the certificate it is served.
import { checkServerIdentity, connect, type PeerCertificate } from 'node:tls'

export type TlsResult = {
  /** `host:port` the handshake went to. */
  address: string
  /** Whether the chain verifies against Node's trusted CAs; the probe goes on either way to report. */
  authorized: boolean
  authorizationError: null | string
  /** The certificate's names include the hostname (exactly or by a one-level wildcard). */
  covers: boolean
  daysLeft: null | number
  /** Why there was no handshake (refused, timeout), if so. */
  error: null | string
  issuer: null | string
  notAfter: null | string
  /** Covering and unexpired; see `authorized` for whether browsers trust it too. */
  ok: boolean
  subjectAltNames: string[]
}

const DAY_MS = 86_400_000

/** `host:port`, `[v6]:port` or a bare host (port 443). */
export function parseAddress(address: string): { host: string; port: number } {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(address) ?? /^([^:]+)(?::(\d+))?$/.exec(address)
  if (!match) return { host: address, port: 443 }
  return { host: match[1]!, port: match[2] ? Number(match[2]) : 443 }
}

const issuerOf = (cert: PeerCertificate) => {
  const issuer = cert.issuer as Partial<Record<string, string | string[]>> | undefined
  const name = issuer?.O ?? issuer?.CN
  return name === undefined ? null : [name].flat().join(', ')
}

const failed = (address: string, error: string): TlsResult => ({
  address, authorized: false, authorizationError: null, covers: false, daysLeft: null, error, issuer: null, notAfter: null, ok: false, subjectAltNames: [],
})

/** Connects to `address` (default `<hostname>:443`) as a browser asking for `hostname` would. Never throws. */
export function probeTls(hostname: string, now: Date, address = `${hostname}:443`, timeoutMs = 5_000): Promise<TlsResult> {
  const { host, port } = parseAddress(address)
  return new Promise((resolve) => {
    const socket = connect({ host, port, rejectUnauthorized: false, servername: hostname })
    const finish = (result: TlsResult) => {
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs, () => finish(failed(address, `No TLS handshake within ${timeoutMs / 1000} s.`)))
    socket.once('error', (error) => finish(failed(address, error.message)))
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate()
      if (!cert || Object.keys(cert).length === 0) return finish(failed(address, 'The server sent no certificate.'))
      const notAfter = new Date(cert.valid_to)
      const covers = checkServerIdentity(hostname, cert) === undefined
      const unexpired = notAfter.getTime() > now.getTime() && new Date(cert.valid_from).getTime() <= now.getTime()
      finish({
        address,
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : null,
        covers,
        // Whole days, toward zero: expired 3.2 days ago is -3, as 3.2 days left is 3.
        daysLeft: Math.trunc((notAfter.getTime() - now.getTime()) / DAY_MS) || 0,
        error: null,
        issuer: issuerOf(cert),
        notAfter: notAfter.toISOString(),
        ok: covers && unexpired,
        subjectAltNames: (cert.subjectaltname ?? '').split(', ').filter(Boolean),
      })
    })
  })
}
