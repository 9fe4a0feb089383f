// A REST client over Payload's Next route handlers, called in-process with real Request objects.
import type { SanitizedConfig, Where } from 'payload'

import { REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import * as qs from 'qs-esm'

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST' | 'PUT'

/** Payload's REST query parameters, serialised as Payload's own REST client does. */
export type RestQuery = { depth?: number; limit?: number; locale?: string; page?: number; sort?: string; where?: Where }

type RequestOptions = {
  /** Sent as JSON unless it is already a string or FormData. */
  body?: unknown
  headers?: Record<string, string>
  /** Merged with any query string already in the path. */
  query?: RestQuery
  token?: string
}

/** `path` with `query` added to its own query string; unchanged without one. */
const withQuery = (path: string, query: RestQuery | undefined): string => {
  if (!query) return path
  const cut = path.indexOf('?')
  const [pathname, search] = cut === -1 ? [path, ''] : [path.slice(0, cut), path.slice(cut + 1)]
  return `${pathname}${qs.stringify({ ...qs.parse(search), ...query }, { addQueryPrefix: true })}`
}

export class RestClient {
  private readonly handlers: Record<Method, ReturnType<typeof REST_GET>>

  constructor(config: Promise<SanitizedConfig> | SanitizedConfig) {
    this.handlers = {
      DELETE: REST_DELETE(config),
      GET: REST_GET(config),
      PATCH: REST_PATCH(config),
      POST: REST_POST(config),
      PUT: REST_PUT(config),
    }
  }

  async request(method: Method, path: string, { body, headers = {}, query, token }: RequestOptions = {}): Promise<Response> {
    const url = new URL(`/api${withQuery(path, query)}`, 'http://localhost:3000')
    const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
    const isForm = body instanceof FormData
    const request = new Request(url, {
      body: body === undefined ? undefined : isForm || typeof body === 'string' ? body : JSON.stringify(body),
      headers: {
        ...(body !== undefined && !isForm ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      method,
    })
    return this.handlers[method](request, { params: Promise.resolve({ slug }) })
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options)
  post = (path: string, body?: unknown, options?: RequestOptions) => this.request('POST', path, { ...options, body })
  patch = (path: string, body?: unknown, options?: RequestOptions) => this.request('PATCH', path, { ...options, body })
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options)

  /** Logs in through POST /api/users/login and returns the JWT. */
  async login(email: string, password: string): Promise<string> {
    const response = await this.post('/users/login', { email, password })
    const body = (await response.json()) as { token?: string }
    if (response.status !== 200 || !body.token) throw new Error(`Login failed for ${email}: ${response.status}`)
    return body.token
  }
}
