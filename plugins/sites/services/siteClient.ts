// Outbound calls to deployed sites. Each connection re-checks the addresses it connects to, so a name
// that resolved publicly at registration cannot be rebound to an internal address later.
import type { LookupFunction } from 'node:net'

import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'

import type { HostResolver } from './publicAddress'

import { isNonPublicAddress } from './publicAddress'

function guardedLookup(resolveHost: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (error: Error | null, address: unknown, family?: number) => void
    resolveHost(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new Error(`${hostname} does not resolve.`)
        if (addresses.some(isNonPublicAddress)) throw new Error(`${hostname} resolves to a non-public address.`)
        if (options.all) done(null, addresses.map((address) => ({ address, family: isIP(address) })))
        else done(null, addresses[0], isIP(addresses[0]!))
      })
      .catch((error: Error) => done(error, undefined))
  }
}

export type SiteCallOptions = { allowPrivate: boolean; resolveHost: HostResolver; timeoutMs?: number }

/** POSTs JSON to a site; resolves with the status code, rejects on network failure or timeout. */
export function postToSite(url: string, body: string, headers: Record<string, string>, options: SiteCallOptions): Promise<number> {
  const target = new URL(url)
  const transport = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        headers: { 'Content-Length': String(Buffer.byteLength(body)), 'Content-Type': 'application/json', ...headers },
        lookup: options.allowPrivate ? undefined : guardedLookup(options.resolveHost),
        method: 'POST',
        timeout: options.timeoutMs ?? 10_000,
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('timeout', () => request.destroy(new Error(`No answer from ${target.host} in time.`)))
    request.on('error', reject)
    request.end(body)
  })
}
