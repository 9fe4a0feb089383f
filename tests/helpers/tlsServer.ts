// A TLS server on 127.0.0.1 serving, by SNI, certificates a throwaway CA issues with the openssl CLI:
// the edge the domain doctor shakes hands with, replaced in tests.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSecureContext, createServer, type SecureContext } from 'node:tls'

export type Certificate = { cert: string; key: string }

/** OpenSSL's `ca` date format: YYYYMMDDHHMMSSZ. */
const opensslDate = (date: Date) => `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`

const CA_CONFIG = `[ca]
default_ca = test
[test]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
unique_subject = no
[anything]
commonName = supplied
`

export type TestCa = {
  /** A leaf for `names` (SANs, wildcards allowed), valid from `notBefore` to `notAfter`, chained to the CA. */
  issue: (names: string[], validity?: { notAfter?: Date; notBefore?: Date }) => Certificate
  remove: () => void
}

/** A CA in a temp dir. `openssl ca` is used because it sets any start date (x509 -req of OpenSSL 3.0 cannot). */
export function createTestCa(): TestCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atelier-test-ca-'))
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  writeFileSync(path.join(dir, 'ca.cnf'), CA_CONFIG)
  writeFileSync(path.join(dir, 'index.txt'), '')
  writeFileSync(path.join(dir, 'serial'), '1000\n')
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/O=Atelier Test CA/CN=Atelier Test CA', '-days', '30')
  const caPem = readFileSync(path.join(dir, 'ca.pem'), 'utf8')
  let count = 0
  return {
    issue: (names, { notAfter = new Date(Date.now() + 90 * 86_400_000), notBefore = new Date(Date.now() - 86_400_000) } = {}) => {
      const leaf = `leaf${count++}`
      writeFileSync(path.join(dir, `${leaf}.ext`), `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}\n`)
      openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${leaf}.key`, '-out', `${leaf}.csr`, '-subj', `/CN=${names[0]}`)
      openssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${leaf}.csr`, '-out', `${leaf}.pem`, '-notext',
        '-startdate', opensslDate(notBefore), '-enddate', opensslDate(notAfter), '-extfile', `${leaf}.ext`)
      return { cert: readFileSync(path.join(dir, `${leaf}.pem`), 'utf8') + caPem, key: readFileSync(path.join(dir, `${leaf}.key`), 'utf8') }
    },
    remove: () => rmSync(dir, { force: true, recursive: true }),
  }
}

export type TlsServer = { address: string; close: () => Promise<void> }

/** Serves `certificates[servername]`, or `fallback` for any other name; each connection is just a handshake. */
export async function startTlsServer(certificates: Record<string, Certificate>, fallback: Certificate): Promise<TlsServer> {
  const contexts = new Map<string, SecureContext>(Object.entries(certificates).map(([name, certificate]) => [name, createSecureContext(certificate)]))
  const server = createServer({ ...fallback, SNICallback: (name, callback) => callback(null, contexts.get(name.toLowerCase()) ?? createSecureContext(fallback)) }, (socket) =>
    socket.end(),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { address: `127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
