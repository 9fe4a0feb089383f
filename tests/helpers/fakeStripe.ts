// A small local fake of the Stripe API (Checkout Sessions, PaymentIntents, Charges, Refunds) for tests.
// It speaks Stripe's wire protocol, so production code reaches it through the real SDK:
//   new Stripe(secretKey, { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 })
// Form-encoded bodies with qs-style brackets in, JSON out, Stripe-shaped errors (the SDK picks the error
// class from status + error.type), Bearer auth, Idempotency-Key replay, and `expand`.
// Stripe Billing (products, prices, customers, subscriptions, invoices, checkout in subscription mode, the
// billing portal) lives in fakeStripeBilling.ts, plugged in through `FakeStripeExtension`.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import Stripe from 'stripe'

import { type FakeStripeBilling, installBilling } from './fakeStripeBilling'

export type Metadata = Record<string, string>

export type CheckoutSession = {
  id: string
  object: 'checkout.session'
  mode: 'payment' | 'subscription'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid' | 'no_payment_required'
  amount_total: number
  amount_subtotal: number
  currency: string
  metadata: Metadata
  client_reference_id: string | null
  customer: string | null
  customer_email: string | null
  success_url: string | null
  cancel_url: string | null
  expires_at: number
  created: number
  livemode: false
  payment_intent: string | null
  subscription: string | null
  invoice: string | null
  url: string | null
}

export type PaymentIntent = {
  id: string
  object: 'payment_intent'
  amount: number
  amount_received: number
  currency: string
  status: 'succeeded' | 'requires_payment_method'
  latest_charge: string | null
  last_payment_error: { type: 'card_error'; code: string; decline_code: string; message: string } | null
  metadata: Metadata
  created: number
  livemode: false
}

export type Refund = {
  id: string
  object: 'refund'
  amount: number
  currency: string
  payment_intent: string
  charge: string
  status: 'succeeded'
  reason: string | null
  metadata: Metadata
  created: number
}

export type Charge = {
  id: string
  object: 'charge'
  amount: number
  amount_refunded: number
  refunded: boolean
  paid: boolean
  status: 'succeeded' | 'failed'
  currency: string
  payment_intent: string
  created: number
  livemode: false
  refunds: { object: 'list'; data: Refund[]; has_more: false; total_count: number; url: string }
}

export type FakeStripeRequest = { method: string; path: string; idempotencyKey?: string; body: Record<string, unknown> }

export type FakeStripePayments = {
  url: string
  host: string
  port: number
  close(): Promise<void>
  requests: FakeStripeRequest[]
  sessions: Map<string, CheckoutSession>
  paymentIntents: Map<string, PaymentIntent>
  charges: Map<string, Charge>
  refunds: Map<string, Refund>
  /** What a customer paying does: session → 'complete'/'paid', with a succeeded payment_intent and charge
   *  (subscription mode: the customer's subscription and its paid first invoice, see fakeStripeBilling.ts). */
  completeSession(id: string): CheckoutSession
  /** Stripe expiring it (status 'expired'). */
  expireSession(id: string): CheckoutSession
  /** A declined payment: a payment_intent 'requires_payment_method' linked to the session (which stays open). */
  failPayment(sessionId: string): PaymentIntent
  /** An event as Stripe would send it to a webhook endpoint; `payload` is the exact body to POST. */
  event(type: string, object: object): { id: string; payload: string }
  /** The Stripe-Signature header for a payload, computed by the SDK's own test helper. */
  sign(payload: string, webhookSecret: string, timestamp?: number): string
  /** Make the next `count` requests whose path starts with `pathPrefix` fail with 500 api_error. */
  failNext(pathPrefix: string, count: number): void
}

export type FakeStripe = FakeStripePayments & FakeStripeBilling

export type Route = [method: string, pattern: RegExp, handle: (params: Record<string, unknown>, id: string) => object]

/** How an extension takes part in Checkout: saved prices on line items, and modes other than 'payment'. */
export type CheckoutHooks = {
  modes: string[]
  /** Prices `line_items[i]` when it is the extension's to price (a saved `price`); undefined leaves it to `price_data`. */
  lineItem(item: Record<string, unknown>, at: string, mode: string): { currency: string; unitAmount: number } | undefined
  /** Checks and keeps the rest of the params (customer, subscription_data…) before the session is stored. */
  prepare(session: CheckoutSession, params: Record<string, unknown>): void
  /** Completes a session of one of `modes` (payment mode is the core's). */
  complete(session: CheckoutSession): void
}

export type FakeStripeExtension<Api> = {
  routes: Route[]
  checkout: CheckoutHooks
  /** The stored object with this id, for `expand`. */
  lookup(id: string): object | undefined
  api: Api
}

/** What an extension builds on: the shared store and base URL, and the core's Stripe-shaped errors and param
 *  readers, so its objects and refusals look like the core's (passed in rather than imported: no import cycle). */
export type FakeStripeKit = {
  baseUrl(): string
  sessions: Map<string, CheckoutSession>
  newId: typeof newId
  now: typeof now
  ApiError: typeof ApiError
  invalid: typeof invalid
  missingParam: typeof missingParam
  badParam: typeof badParam
  noSuch: typeof noSuch
  isObject: typeof isObject
  optionalString: typeof optionalString
  requiredString: typeof requiredString
  integer: typeof integer
  metadata: typeof metadata
  url: typeof url
}

type ErrorBody = { type: string; message: string; code?: string; param?: string; doc_url?: string }

/** A Stripe error response. `saved: false` for failures before the endpoint ran (validation), which Stripe
 *  does not store under the idempotency key, so a corrected retry with the same key is allowed. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: ErrorBody,
    readonly saved = true,
  ) {
    super(error.message)
  }
}

const invalid = (message: string, extra: Partial<ErrorBody> = {}, saved = true) =>
  new ApiError(400, { type: 'invalid_request_error', message, ...extra }, saved)
const missingParam = (param: string) =>
  invalid(`Missing required param: ${param}.`, { code: 'parameter_missing', param }, false)
const badParam = (param: string, message: string, code?: string) =>
  invalid(message, { ...(code ? { code } : {}), param }, false)
const noSuch = (kind: string, id: string, param = 'id', status = 404) =>
  new ApiError(status, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` })

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Stripe ids are a prefix plus base62 characters. */
const newId = (prefix: string, length = 24) =>
  prefix + Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % 62]).join('')
const now = () => Math.floor(Date.now() / 1000)

/** Stripe's masking in "Invalid API Key provided": keep the non-secret prefix and at most the last 4 chars. */
function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? ''
  const secret = key.slice(prefix.length)
  const tail = secret.length > 8 ? secret.slice(-4) : ''
  return `${prefix}${'*'.repeat(Math.max(secret.length - tail.length, 4))}${tail}`
}

/** `a[b][0][c]=v` → { a: { b: [{ c: 'v' }] } }, as the SDK encodes nested params (qs "indices" format). */
export function parseStripeForm(raw: string): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const keys = (key.match(/^[^[\]]+|\[[^[\]]*\]/g) ?? []).map((part) => part.replace(/^\[|\]$/g, ''))
    if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) continue
    let node = root
    keys.forEach((k, i) => {
      const slot = k === '' && Array.isArray(node) ? String(node.length) : k // `a[]=` appends
      if (i === keys.length - 1) {
        node[slot] = value
        return
      }
      const next = node[slot]
      if (typeof next !== 'object' || next === null) node[slot] = /^\d*$/.test(keys[i + 1] ?? '') ? [] : {}
      node = node[slot] as Record<string, unknown>
    })
  }
  return root
}

/** Idempotency compares parameters, not byte order of the encoded body. */
const fingerprint = (raw: string) =>
  [...new URLSearchParams(raw)]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&')

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function optionalString(params: Record<string, unknown>, name: string): string | null {
  const value = params[name]
  if (value === undefined || value === '') return null
  if (typeof value !== 'string') throw badParam(name, `Invalid string: ${name} must be a string.`)
  return value
}

function requiredString(params: Record<string, unknown>, name: string, param = name): string {
  const value = optionalString(params, name)
  if (value === null) throw missingParam(param)
  return value
}

function integer(value: unknown, param: string, min = 0): number {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw badParam(param, `Invalid integer: ${String(value)}`, 'parameter_invalid_integer')
  }
  const number = Number(value)
  if (number < min) throw badParam(param, `This value must be greater than or equal to ${min}.`)
  return number
}

/** Metadata values are strings of at most 500 chars; an empty value unsets the key (nothing to unset here). */
function metadata(value: unknown, param: string): Metadata {
  if (value === undefined || value === '') return {}
  if (!isObject(value)) throw badParam(param, `Invalid object: ${param} must be a hash of strings.`)
  const result: Metadata = {}
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw badParam(`${param}[${key}]`, 'Metadata values must be strings.')
    if (key.length > 40) throw badParam(`${param}[${key}]`, 'Metadata keys can be at most 40 characters.')
    if (entry.length > 500) throw badParam(`${param}[${key}]`, 'Metadata values can be at most 500 characters.')
    if (entry !== '') result[key] = entry
  }
  return result
}

function url(params: Record<string, unknown>, name: string): string | null {
  const value = optionalString(params, name)
  if (value !== null && !URL.canParse(value)) throw badParam(name, 'Not a valid URL', 'url_invalid')
  return value
}

type Stored = { endpoint: string; fingerprint: string; status: number; body: string; requestId: string }

export async function startFakeStripe(options: { secretKey: string }): Promise<FakeStripe> {
  const requests: FakeStripeRequest[] = []
  const sessions = new Map<string, CheckoutSession>()
  const paymentIntents = new Map<string, PaymentIntent>()
  const charges = new Map<string, Charge>()
  const refunds = new Map<string, Refund>()
  // Stripe keeps payment_intent_data off the session object and applies it to the intent it creates.
  const intentMetadata = new Map<string, Metadata>()
  const idempotent = new Map<string, Stored>()
  const failures: { prefix: string; remaining: number }[] = []
  let baseUrl = ''
  const billing = installBilling({
    baseUrl: () => baseUrl,
    sessions,
    newId,
    now,
    ApiError,
    invalid,
    missingParam,
    badParam,
    noSuch,
    isObject,
    optionalString,
    requiredString,
    integer,
    metadata,
    url,
  })

  function session(id: string): CheckoutSession {
    const found = sessions.get(id)
    if (!found) throw noSuch('checkout.session', id)
    return found
  }

  function priceData(item: Record<string, unknown>, at: string): { currency: string; unitAmount: number } {
    const price = item.price_data
    if (!isObject(price)) throw missingParam(`${at}[price_data]`)
    const currency = requiredString(price, 'currency', `${at}[price_data][currency]`).toLowerCase()
    if (!/^[a-z]{3}$/.test(currency)) throw badParam(`${at}[price_data][currency]`, `Invalid currency: ${currency}.`)
    if (price.unit_amount === undefined) throw missingParam(`${at}[price_data][unit_amount]`)
    const unitAmount = integer(price.unit_amount, `${at}[price_data][unit_amount]`)
    const product = price.product_data
    if (!isObject(product)) throw missingParam(`${at}[price_data][product_data]`)
    requiredString(product, 'name', `${at}[price_data][product_data][name]`)
    return { currency, unitAmount }
  }

  function createSession(params: Record<string, unknown>): CheckoutSession {
    const mode = requiredString(params, 'mode')
    if (mode !== 'payment' && !billing.checkout.modes.includes(mode)) {
      throw badParam('mode', `Invalid mode: this fake only supports ${['payment', ...billing.checkout.modes].join(', ')}, got '${mode}'.`)
    }
    const items = params.line_items
    if (!Array.isArray(items) || items.length === 0) throw missingParam('line_items')
    let currency = ''
    let amount = 0
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i]
      const at = `line_items[${i}]`
      if (!isObject(item)) throw missingParam(at)
      const saved = billing.checkout.lineItem(item, at, mode)
      const { currency: itemCurrency, unitAmount } = saved ?? priceData(item, at)
      if (currency && itemCurrency !== currency) {
        throw badParam(saved ? `${at}[price]` : `${at}[price_data][currency]`, 'All line items must use the same currency.')
      }
      currency = itemCurrency
      if (item.quantity === undefined) throw missingParam(`${at}[quantity]`)
      amount += unitAmount * integer(item.quantity, `${at}[quantity]`, 1)
    }
    const created = now()
    let expiresAt = created + 24 * 3600
    if (params.expires_at !== undefined) {
      expiresAt = integer(params.expires_at, 'expires_at')
      // Catches milliseconds passed where Stripe wants seconds, as Stripe does.
      if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600) {
        throw badParam('expires_at', 'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.')
      }
    }
    const email = optionalString(params, 'customer_email')
    if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw badParam('customer_email', `Invalid email address: ${email}`, 'email_invalid')
    }
    const intentData = params.payment_intent_data
    if (intentData !== undefined && !isObject(intentData)) {
      throw badParam('payment_intent_data', 'Invalid object: payment_intent_data must be a hash.')
    }
    const id = newId('cs_test_', 58)
    const checkout: CheckoutSession = {
      id,
      object: 'checkout.session',
      mode: mode as CheckoutSession['mode'],
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      amount_subtotal: amount,
      currency,
      metadata: metadata(params.metadata, 'metadata'),
      client_reference_id: optionalString(params, 'client_reference_id'),
      customer: null,
      customer_email: email,
      success_url: url(params, 'success_url'),
      cancel_url: url(params, 'cancel_url'),
      expires_at: expiresAt,
      created,
      livemode: false,
      payment_intent: null,
      subscription: null,
      invoice: null,
      url: `${baseUrl}/c/pay/${id}`,
    }
    const intentMeta = metadata(intentData?.metadata, 'payment_intent_data[metadata]')
    billing.checkout.prepare(checkout, params) // last: it may keep state for the session
    intentMetadata.set(id, intentMeta)
    sessions.set(id, checkout)
    return checkout
  }

  function expire(id: string): CheckoutSession {
    const found = session(id)
    if (found.status !== 'open') {
      throw invalid(`Only Checkout Sessions with a status of open can be expired. This session has status ${found.status}.`)
    }
    found.status = 'expired'
    found.url = null
    return found
  }

  /** The session's intent (reusing the one a failed attempt left), with a new charge of the given outcome. */
  function charge(found: CheckoutSession, succeeded: boolean): PaymentIntent {
    const intent: PaymentIntent = (found.payment_intent && paymentIntents.get(found.payment_intent)) || {
      id: newId('pi_'),
      object: 'payment_intent',
      amount: found.amount_total,
      amount_received: 0,
      currency: found.currency,
      status: 'requires_payment_method',
      latest_charge: null,
      last_payment_error: null,
      metadata: { ...intentMetadata.get(found.id) },
      created: now(),
      livemode: false,
    }
    const chargeId = newId('ch_')
    charges.set(chargeId, {
      id: chargeId,
      object: 'charge',
      amount: intent.amount,
      amount_refunded: 0,
      refunded: false,
      paid: succeeded,
      status: succeeded ? 'succeeded' : 'failed',
      currency: intent.currency,
      payment_intent: intent.id,
      created: now(),
      livemode: false,
      refunds: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/charges/${chargeId}/refunds` },
    })
    intent.latest_charge = chargeId
    if (succeeded) {
      intent.status = 'succeeded'
      intent.amount_received = intent.amount
      intent.last_payment_error = null
    } else {
      intent.last_payment_error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      }
    }
    paymentIntents.set(intent.id, intent)
    found.payment_intent = intent.id
    return intent
  }

  function createRefund(params: Record<string, unknown>): Refund {
    const intentId = requiredString(params, 'payment_intent')
    const intent = paymentIntents.get(intentId)
    if (!intent) throw noSuch('payment_intent', intentId, 'payment_intent', 400)
    const paid = intent.latest_charge ? charges.get(intent.latest_charge) : undefined
    if (intent.status !== 'succeeded' || !paid || paid.status !== 'succeeded') {
      throw invalid(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { param: 'payment_intent' })
    }
    const reason = optionalString(params, 'reason')
    if (reason !== null && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
      throw badParam('reason', 'Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer')
    }
    const refundMetadata = metadata(params.metadata, 'metadata')
    const remaining = paid.amount - paid.amount_refunded
    const amount = params.amount === undefined ? remaining : integer(params.amount, 'amount', 1)
    if (remaining === 0) {
      throw invalid(`Charge ${paid.id} has already been refunded.`, { code: 'charge_already_refunded' })
    }
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, {
        code: 'amount_too_large',
        param: 'amount',
      })
    }
    const refund: Refund = {
      id: newId('re_'),
      object: 'refund',
      amount,
      currency: paid.currency,
      payment_intent: intent.id,
      charge: paid.id,
      status: 'succeeded',
      reason,
      metadata: refundMetadata,
      created: now(),
    }
    refunds.set(refund.id, refund)
    paid.amount_refunded += amount
    paid.refunded = paid.amount_refunded === paid.amount
    paid.refunds.data.unshift(refund) // Stripe lists newest first
    paid.refunds.total_count += 1
    return refund
  }

  const routes: Route[] = [
    ['POST', /^\/v1\/checkout\/sessions$/, (params) => createSession(params)],
    ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, (_, id) => session(id)],
    ['POST', /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, (_, id) => expire(id)],
    ['GET', /^\/v1\/payment_intents\/([^/]+)$/, (_, id) => paymentIntents.get(id) ?? throwError(noSuch('payment_intent', id))],
    ['POST', /^\/v1\/refunds$/, (params) => createRefund(params)],
    ['GET', /^\/v1\/charges\/([^/]+)$/, (_, id) => charges.get(id) ?? throwError(noSuch('charge', id))],
    ...billing.routes,
  ]
  const stores: Map<string, object>[] = [sessions, paymentIntents, charges, refunds]
  const lookup = (id: string) => stores.find((store) => store.has(id))?.get(id) ?? billing.lookup(id)

  /** Runs synchronously once the body is in: with Node's single thread, concurrent requests sharing an
   *  Idempotency-Key can't interleave between the key lookup and storing the result, so one object is created. */
  function handle(req: http.IncomingMessage, raw: string): { status: number; body: string; headers: Record<string, string> } {
    const method = req.method ?? 'GET'
    const { pathname, search } = new URL(req.url ?? '/', baseUrl)
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
    const params = parseStripeForm(method === 'POST' ? raw : search.slice(1))
    requests.push({ method, path: pathname, ...(key ? { idempotencyKey: key } : {}), body: params })
    const requestId = newId('req_', 14)
    const headers: Record<string, string> = { 'Request-Id': requestId }
    const reply = (status: number, payload: object) => ({ status, body: JSON.stringify(payload, null, 2), headers })
    const replyError = (error: ApiError) =>
      reply(error.status, { error: error.error.code ? { ...error.error, doc_url: `https://stripe.com/docs/error-codes/${error.error.code.replaceAll('_', '-')}` } : error.error })

    const auth = req.headers.authorization ?? ''
    if (!auth.startsWith('Bearer ')) {
      return replyError(new ApiError(401, {
        type: 'invalid_request_error',
        message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      }))
    }
    const givenKey = auth.slice('Bearer '.length).trim()
    if (givenKey !== options.secretKey) {
      return replyError(new ApiError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskKey(givenKey)}` }))
    }

    // Injected outages come before idempotency: the endpoint never ran, so nothing is stored and a retry proceeds.
    const failure = failures.find((f) => f.remaining > 0 && pathname.startsWith(f.prefix))
    if (failure) {
      failure.remaining -= 1
      return replyError(new ApiError(500, { type: 'api_error', message: 'An unknown error occurred (injected by the fake Stripe).' }))
    }

    // Stripe only honours idempotency keys on POST.
    const endpoint = `${method} ${pathname}`
    if (key && method === 'POST') {
      headers['Idempotency-Key'] = key
      const stored = idempotent.get(key)
      if (stored) {
        if (stored.endpoint !== endpoint || stored.fingerprint !== fingerprint(raw)) {
          const what = stored.endpoint !== endpoint ? `for the same endpoint they were first used for (${stored.endpoint})` : 'with the same parameters they were first used with'
          return replyError(new ApiError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used ${what}. Try using a key other than '${key}' if you meant to execute a different request.`,
          }))
        }
        Object.assign(headers, { 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId })
        return { status: stored.status, body: stored.body, headers }
      }
    }

    let result: ReturnType<typeof reply>
    let saved = true
    const route = routes.find(([m, pattern]) => m === method && pattern.test(pathname))
    if (!route) {
      result = replyError(new ApiError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${pathname}).` }))
    } else {
      try {
        const id = decodeURIComponent(route[1].exec(pathname)?.[1] ?? '')
        result = reply(200, expand(route[2](params, id), params.expand, lookup))
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        result = replyError(error)
        saved = error.saved
      }
    }
    if (key && method === 'POST' && saved) {
      idempotent.set(key, { endpoint, fingerprint: fingerprint(raw), status: result.status, body: result.body, requestId })
    }
    return result
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      let result: ReturnType<typeof handle>
      try {
        result = handle(req, Buffer.concat(chunks).toString('utf8'))
      } catch (error) {
        // A bug in the fake: answer like a Stripe outage, and say why.
        console.error('[fakeStripe]', error)
        result = { status: 500, body: JSON.stringify({ error: { type: 'api_error', message: String(error) } }), headers: {} }
      }
      res.writeHead(result.status, {
        ...result.headers,
        'Content-Type': 'application/json',
        'Stripe-Version': String(req.headers['stripe-version'] ?? Stripe.API_VERSION),
      })
      res.end(result.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('fakeStripe: no TCP address')
  const host = '127.0.0.1'
  const port = address.port
  baseUrl = `http://${host}:${port}`

  return {
    ...billing.api,
    url: baseUrl,
    host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections() // the SDK keeps sockets alive
      }),
    requests,
    sessions,
    paymentIntents,
    charges,
    refunds,
    completeSession(id) {
      const found = sessions.get(id)
      if (!found || found.status !== 'open') throw new Error(`fakeStripe: session ${id} is ${found?.status ?? 'unknown'}, not open`)
      if (found.mode === 'payment') {
        charge(found, true)
        found.payment_status = 'paid'
      } else {
        billing.checkout.complete(found)
      }
      found.status = 'complete'
      found.url = null
      return found
    },
    expireSession(id) {
      if (!sessions.has(id)) throw new Error(`fakeStripe: unknown session ${id}`)
      return expire(id)
    },
    failPayment(sessionId) {
      const found = sessions.get(sessionId)
      if (!found || found.status !== 'open') throw new Error(`fakeStripe: session ${sessionId} is not open`)
      return charge(found, false)
    },
    event(type, object) {
      const id = newId('evt_')
      const event = {
        id,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: now(),
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      }
      return { id, payload: JSON.stringify(event, null, 2) }
    },
    sign: (payload, webhookSecret, timestamp) =>
      Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, ...(timestamp === undefined ? {} : { timestamp }) }),
    failNext(pathPrefix, count) {
      failures.push({ prefix: pathPrefix, remaining: count })
    },
  }
}

function throwError(error: Error): never {
  throw error
}

/** Stripe's `expand[]=a.b`: each id on the path (through lists' `data`) replaced by its object, on a copy. */
function expand(result: object, paths: unknown, lookup: (id: string) => object | undefined): object {
  if (!Array.isArray(paths) || paths.length === 0) return result
  const copy = (value: object): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>
  const walk = (node: unknown, keys: string[]): unknown => {
    if (Array.isArray(node)) return node.map((entry) => walk(entry, keys))
    const [key, ...rest] = keys
    if (!isObject(node) || key === undefined || !(key in node)) return node
    const child = node[key]
    const found = typeof child === 'string' ? lookup(child) : undefined
    node[key] = walk(found ? copy(found) : child, rest)
    return node
  }
  const root = copy(result)
  for (const path of paths) if (typeof path === 'string') walk(root, path.split('.'))
  return root
}
