// Serves the in-process test app's REST API over real HTTP on 127.0.0.1, for callers in other processes
// (the template site) and tests that need sockets. Same route handlers as `next start` uses.
import type { SanitizedConfig } from 'payload'

import { REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import http from 'node:http'

export type HttpBridge = { close: () => Promise<void>; url: string }

export async function startHttpBridge(config: SanitizedConfig, port: number): Promise<HttpBridge> {
  const handlers: Record<string, ReturnType<typeof REST_GET>> = {
    DELETE: REST_DELETE(config),
    GET: REST_GET(config),
    PATCH: REST_PATCH(config),
    POST: REST_POST(config),
    PUT: REST_PUT(config),
  }
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const url = new URL(incoming.url ?? '/', `http://127.0.0.1:${port}`)
      const handler = handlers[incoming.method ?? 'GET']
      if (!handler || !url.pathname.startsWith('/api/')) {
        outgoing.writeHead(404).end()
        return
      }
      const chunks: Buffer[] = []
      for await (const chunk of incoming) chunks.push(chunk as Buffer)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      // Loopback callers are distinct clients only by port; a forwarded address lets tests pick one.
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', incoming.socket.remoteAddress ?? '127.0.0.1')
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
      const request = new Request(url, { body, headers, method: incoming.method })
      const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
      const response = await handler(request, { params: Promise.resolve({ slug }) })
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      outgoing.writeHead(500).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    close: () => new Promise((resolve) => server.close(() => resolve())),
    url: `http://127.0.0.1:${port}`,
  }
}
