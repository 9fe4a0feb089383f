// The ECB's daily reference rates at the network edge: a loopback HTTP server serving the fixture files in
// tests/fixtures/ecb (their day moved where a test needs it), or an HTTP error.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

export type Served = { date?: string; file: string } | { status: number }

const FIXTURES = path.join(import.meta.dirname, '../fixtures/ecb')

export async function startEcbServer(initial: Served = { file: 'daily-2026-12-04.xml' }) {
  let served = initial
  const server = createServer((request, response) => {
    void (async () => {
      if ('status' in served) return response.writeHead(served.status).end('Internal Server Error')
      const xml = await readFile(path.join(FIXTURES, served.file), 'utf8')
      response.writeHead(200, { 'Content-Type': 'text/xml' }).end(served.date ? xml.replace(/time='[\d-]+'/, `time='${served.date}'`) : xml)
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    serve: (next: Served) => {
      served = next
    },
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/eurofxref-daily.xml`,
  }
}
