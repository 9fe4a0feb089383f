// Stripe Billing for the fake Stripe (fakeStripe.ts installs it): Products, Prices, Customers, Subscriptions,
// Invoices with Stripe's proration arithmetic, Checkout in subscription mode, Billing Portal sessions.
// Shapes follow API version 2026-10-28.endive: billing periods live on subscription ITEMS, an invoice points at
// its subscription through `parent.subscription_details`, each line through `parent.subscription_item_details`.
// Prorations are time-proportional to the second, credits priced at the item's current price (billing_mode
// classic). Time doesn't pass by itself: tests move subscriptions on with `renewSubscription`.
import { currencyExponent } from '../../utilities/currencyExponent'
import type { CheckoutSession, FakeStripeExtension, FakeStripeKit, Metadata, Route } from './fakeStripe'

type Params = Record<string, unknown>
export type Interval = 'month' | 'year'
export type ProrationBehavior = 'create_prorations' | 'always_invoice' | 'none'
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled' | 'incomplete' | 'unpaid' | 'paused'
type List<T> = { object: 'list'; data: T[]; has_more: boolean; url: string; total_count?: number }

export type Product = {
  id: string; object: 'product'; active: boolean; created: number; default_price: null; description: string | null
  images: string[]; livemode: false; marketing_features: []; metadata: Metadata; name: string; package_dimensions: null
  shippable: null; statement_descriptor: null; tax_code: null; type: 'service'; unit_label: null; updated: number; url: null
}

export type Price = {
  id: string; object: 'price'; active: boolean; billing_scheme: 'per_unit'; created: number; currency: string
  custom_unit_amount: null; livemode: false; lookup_key: string | null; metadata: Metadata; nickname: string | null
  product: string; tax_behavior: 'unspecified'; tiers_mode: null; transform_quantity: null
  recurring: { interval: Interval; interval_count: 1; meter: null; trial_period_days: null; usage_type: 'licensed' } | null
  type: 'one_time' | 'recurring'; unit_amount: number; unit_amount_decimal: string
}

export type Customer = {
  id: string; object: 'customer'; address: null; balance: number; created: number; currency: string | null
  default_source: null; delinquent: boolean; description: string | null; discount: null; email: string | null
  invoice_prefix: string; invoice_settings: { custom_fields: null; default_payment_method: null; footer: null; rendering_options: null }
  livemode: false; metadata: Metadata; name: string | null; next_invoice_sequence: number; phone: null
  preferred_locales: string[]; shipping: null; tax_exempt: 'none'; test_clock: null
}

export type SubscriptionItem = {
  id: string; object: 'subscription_item'; created: number; current_period_start: number; current_period_end: number
  discounts: []; metadata: Metadata; price: Price; quantity: number; subscription: string; tax_rates: []
}

export type Subscription = {
  id: string; object: 'subscription'; billing_cycle_anchor: number; billing_mode: { type: 'classic'; flexible: null }
  cancel_at: number | null; cancel_at_period_end: boolean; canceled_at: number | null
  cancellation_details: { comment: string | null; feedback: string | null; reason: 'cancellation_requested' | 'payment_failed' | null }
  collection_method: 'charge_automatically'; created: number; currency: string; customer: string; days_until_due: null
  default_payment_method: null; description: null; discounts: []; ended_at: number | null; items: List<SubscriptionItem>
  latest_invoice: string | null; livemode: false; metadata: Metadata; pending_update: null; schedule: null
  start_date: number; status: SubscriptionStatus; test_clock: null; trial_end: number | null; trial_start: number | null
}

export type InvoiceLine = {
  id: string; object: 'line_item'; amount: number; currency: string; description: string; discount_amounts: []
  discountable: boolean; discounts: []; invoice: string; livemode: false; metadata: Metadata
  parent: {
    type: 'subscription_item_details'; invoice_item_details: null
    subscription_item_details: {
      invoice_item: string | null; proration: boolean; proration_details: { credited_items: null }
      subscription: string; subscription_item: string
    }
  }
  period: { start: number; end: number }; pretax_credit_amounts: []
  pricing: { type: 'price_details'; price_details: { price: string; product: string }; unit_amount_decimal: string }
  quantity: number; subscription: string; subtotal: number; taxes: []
}

export type Invoice = {
  id: string; object: 'invoice'; amount_due: number; amount_overpaid: 0; amount_paid: number; amount_remaining: number
  amount_shipping: 0; attempt_count: number; attempted: boolean; auto_advance: boolean
  billing_reason: 'subscription_create' | 'subscription_cycle' | 'subscription_update' | 'upcoming'
  collection_method: 'charge_automatically'; created: number; currency: string; customer: string
  customer_email: string | null; customer_name: string | null; description: null; discounts: []; due_date: null
  effective_at: number | null; ending_balance: number | null; hosted_invoice_url: string | null; invoice_pdf: string | null
  last_finalization_error: null; lines: List<InvoiceLine>; livemode: false; metadata: Metadata
  next_payment_attempt: number | null; number: string | null
  parent: {
    type: 'subscription_details'; quote_details: null
    subscription_details: { metadata: Metadata; subscription: string; subscription_proration_date?: number }
  }
  period_end: number; period_start: number; starting_balance: number; status: 'draft' | 'open' | 'paid' | 'void'
  status_transitions: { finalized_at: number | null; marked_uncollectible_at: null; paid_at: number | null; voided_at: null }
  subtotal: number; subtotal_excluding_tax: number; total: number; total_discount_amounts: []
  total_excluding_tax: number; total_pretax_credit_amounts: []; total_taxes: []; webhooks_delivered_at: number | null
}

export type PortalSession = {
  id: string; object: 'billing_portal.session'; configuration: string; created: number; customer: string
  customer_account: null; flow: null; livemode: false; locale: null; on_behalf_of: null; return_url: string | null; url: string
}

export type FakeStripeBilling = {
  products: Map<string, Product>
  prices: Map<string, Price>
  customers: Map<string, Customer>
  subscriptions: Map<string, Subscription>
  invoices: Map<string, Invoice>
  portalSessions: Map<string, PortalSession>
  /** The period ends: a subscription with cancel_at_period_end (or cancel_at by then) becomes canceled; any other
   *  moves one interval on, with an invoice for the new period plus pending prorations, paid (→ active) or left
   *  open after a failed attempt (→ past_due). */
  renewSubscription(id: string, options: { pay: boolean }): Subscription
  /** An open invoice paid (a retry that worked); its subscription is active again once nothing is left open. */
  payInvoice(id: string): Invoice
  /** Another failed attempt on an open invoice; its subscription goes past_due (incomplete for a first invoice). */
  failInvoice(id: string): Invoice
  setSubscriptionStatus(id: string, status: SubscriptionStatus): Subscription
}

/** One invoice line before it is on an invoice: pending prorations wait in this form for the next invoice. */
type Draft = {
  price: Price; quantity: number; amount: number; start: number; end: number; proration: boolean
  description: string; item: string; invoiceItem: string | null
}
type Change = { price: Price; quantity: number; behavior: ProrationBehavior; prorationDate: number; resetAnchor: boolean }
type Plan = { immediate: Draft[] | null; pending: Draft[]; start: number; end: number; anchor: number }

/** `anchor` moved `count` calendar months or years on in UTC, clamped to the month's last day (Jan 31 → Feb 28). */
export function addInterval(anchor: number, interval: Interval, count = 1): number {
  const date = new Date(anchor * 1000)
  const months = date.getUTCMonth() + count * (interval === 'year' ? 12 : 1)
  const year = date.getUTCFullYear() + Math.floor(months / 12)
  const month = ((months % 12) + 12) % 12
  const day = Math.min(date.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate())
  return Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()) / 1000
}

/** The first billing date after `after`, counted from the billing cycle anchor. */
function periodEnd(anchor: number, interval: Interval, after: number): number {
  for (let n = 0; ; n++) {
    const end = addInterval(anchor, interval, n)
    if (end > after) return end
  }
}

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { currency: currency.toUpperCase(), style: 'currency' }).format(amount / 10 ** currencyExponent(currency))
const day = (t: number) => new Date(t * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC', year: 'numeric' })

export function installBilling(kit: FakeStripeKit): FakeStripeExtension<FakeStripeBilling> {
  const { newId, now, invalid, missingParam, badParam, noSuch, isObject, optionalString, requiredString, integer, metadata } = kit
  const products = new Map<string, Product>()
  const prices = new Map<string, Price>()
  const customers = new Map<string, Customer>()
  const subscriptions = new Map<string, Subscription>()
  const invoices = new Map<string, Invoice>()
  const portalSessions = new Map<string, PortalSession>()
  const pending = new Map<string, Draft[]>() // by subscription: prorations waiting for its next invoice
  // Stripe keeps subscription_data off the session object and applies it to the subscription it creates.
  const checkoutData = new Map<string, { price: Price; quantity: number; trialEnd: number | null; metadata: Metadata }>()

  const find = <T>(store: Map<string, T>, kind: string) => (id: string, param = 'id', status = 404): T => {
    const found = store.get(id)
    if (!found) throw noSuch(kind, id, param, status)
    return found
  }
  const product = find(products, 'product')
  const price = find(prices, 'price')
  const customer = find(customers, 'customer')
  const subscription = find(subscriptions, 'subscription')
  const invoice = find(invoices, 'invoice')

  function bool(params: Params, name: string, param = name): boolean | undefined {
    const value = params[name]
    if (value === undefined) return undefined
    if (value === 'true' || value === 'false') return value === 'true'
    throw badParam(param, `Invalid boolean: ${String(value)}`)
  }
  /** Stripe's update semantics: keys merge in, an empty value unsets a key, `metadata=''` unsets them all. */
  function updatedMetadata(current: Metadata, value: unknown, param = 'metadata'): Metadata {
    if (value === undefined) return current
    if (value === '') return {}
    const next = { ...current, ...metadata(value, param) }
    for (const [key, entry] of Object.entries(value as Params)) if (entry === '') delete next[key]
    return next
  }
  function notUnsettable(params: Params, name: string) {
    if (params[name] === '') {
      throw badParam(
        name,
        `You passed an empty string for '${name}'. We assume empty values are an attempt to unset a parameter; however ` +
          `'${name}' cannot be unset. You should remove '${name}' from your request or supply a non-empty value.`,
      )
    }
  }
  function onlyParams(params: Params, allowed: string[]) {
    const unknown = Object.keys(params).find((key) => !allowed.includes(key))
    if (unknown) throw invalid(`Received unknown parameter: ${unknown}`, { code: 'parameter_unknown', param: unknown }, false)
  }
  function email(params: Params): string | null {
    const value = optionalString(params, 'email')
    if (value !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw badParam('email', `Invalid email address: ${value}`, 'email_invalid')
    return value
  }
  /** Newest first, `limit` (default 10) after `starting_after`, as Stripe pages lists. */
  function list<T extends { id: string }>(rows: T[], params: Params, url: string, kind: string): List<T> {
    const limit = params.limit === undefined ? 10 : integer(params.limit, 'limit', 1)
    if (limit > 100) throw badParam('limit', 'This value must be less than or equal to 100.')
    let newest = [...rows].reverse()
    const after = optionalString(params, 'starting_after')
    if (after !== null) {
      const at = newest.findIndex((row) => row.id === after)
      if (at < 0) throw noSuch(kind, after, 'starting_after', 400)
      newest = newest.slice(at + 1)
    }
    return { object: 'list', data: newest.slice(0, limit), has_more: newest.length > limit, url }
  }

  // ---- Products, prices, customers

  function createProduct(params: Params): Product {
    const name = requiredString(params, 'name')
    const created = now()
    const id = optionalString(params, 'id') ?? newId('prod_', 14)
    const made: Product = {
      id, object: 'product', active: bool(params, 'active') ?? true, created, default_price: null,
      description: optionalString(params, 'description'), images: [], livemode: false, marketing_features: [],
      metadata: metadata(params.metadata, 'metadata'), name, package_dimensions: null, shippable: null,
      statement_descriptor: null, tax_code: null, type: 'service', unit_label: null, updated: created, url: null,
    }
    if (products.has(id)) throw invalid(`Product already exists.`, { code: 'resource_already_exists', param: 'id' })
    products.set(id, made)
    return made
  }

  function updateProduct(id: string, params: Params): Product {
    const found = product(id)
    notUnsettable(params, 'name')
    const name = optionalString(params, 'name') ?? found.name
    const active = bool(params, 'active') ?? found.active
    const meta = updatedMetadata(found.metadata, params.metadata)
    const description = params.description === undefined ? found.description : optionalString(params, 'description')
    return Object.assign(found, { name, active, metadata: meta, description, updated: now() })
  }

  /** Stripe keeps a lookup key on one price: taking it needs transfer_lookup_key, which moves it over. */
  function claimLookupKey(key: string | null, transfer: boolean, self?: string): () => void {
    const holder = key === null ? undefined : [...prices.values()].find((p) => p.lookup_key === key && p.id !== self)
    if (holder && !transfer) throw invalid(`A price (\`${holder.id}\`) already uses that lookup key.`, { param: 'lookup_key' })
    return () => {
      if (holder) holder.lookup_key = null
    }
  }

  function createPrice(params: Params): Price {
    const productId = requiredString(params, 'product')
    product(productId, 'product', 400)
    const currency = requiredString(params, 'currency').toLowerCase()
    if (!/^[a-z]{3}$/.test(currency)) throw badParam('currency', `Invalid currency: ${currency}.`)
    if (params.unit_amount === undefined) throw missingParam('unit_amount')
    const unitAmount = integer(params.unit_amount, 'unit_amount')
    let recurring: Price['recurring'] = null
    if (params.recurring !== undefined) {
      if (!isObject(params.recurring)) throw badParam('recurring', 'Invalid object: recurring must be a hash.')
      const interval = requiredString(params.recurring, 'interval', 'recurring[interval]')
      if (!['day', 'week', 'month', 'year'].includes(interval)) {
        throw badParam('recurring[interval]', 'Invalid recurring[interval]: must be one of day, week, month, or year')
      }
      if (interval !== 'month' && interval !== 'year') {
        throw badParam('recurring[interval]', `This fake only bills month and year intervals, got '${interval}'.`)
      }
      const count = params.recurring.interval_count
      if (count !== undefined && integer(count, 'recurring[interval_count]', 1) !== 1) {
        throw badParam('recurring[interval_count]', 'This fake only bills interval_count=1.')
      }
      recurring = { interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: 'licensed' }
    }
    const lookupKey = optionalString(params, 'lookup_key')
    const made: Price = {
      id: newId('price_'), object: 'price', active: bool(params, 'active') ?? true, billing_scheme: 'per_unit',
      created: now(), currency, custom_unit_amount: null, livemode: false, lookup_key: lookupKey,
      metadata: metadata(params.metadata, 'metadata'), nickname: optionalString(params, 'nickname'), product: productId,
      recurring, tax_behavior: 'unspecified', tiers_mode: null, transform_quantity: null,
      type: recurring ? 'recurring' : 'one_time', unit_amount: unitAmount, unit_amount_decimal: String(unitAmount),
    }
    claimLookupKey(lookupKey, bool(params, 'transfer_lookup_key') ?? false)()
    prices.set(made.id, made)
    return made
  }

  /** Prices are immutable: amount, currency, interval and product aren't update params, so Stripe calls them unknown. */
  function updatePrice(id: string, params: Params): Price {
    const found = price(id)
    onlyParams(params, ['active', 'currency_options', 'expand', 'lookup_key', 'metadata', 'nickname', 'tax_behavior', 'transfer_lookup_key'])
    const active = bool(params, 'active') ?? found.active
    const meta = updatedMetadata(found.metadata, params.metadata)
    const lookupKey = params.lookup_key === undefined ? found.lookup_key : optionalString(params, 'lookup_key')
    const nickname = params.nickname === undefined ? found.nickname : optionalString(params, 'nickname')
    claimLookupKey(lookupKey, bool(params, 'transfer_lookup_key') ?? false, id)()
    return Object.assign(found, { active, metadata: meta, lookup_key: lookupKey, nickname })
  }

  function listPrices(params: Params): List<Price> {
    const active = bool(params, 'active') ?? true // "Returns a list of your active prices" unless active=false
    const productId = optionalString(params, 'product')
    const type = optionalString(params, 'type')
    const keys = Array.isArray(params.lookup_keys) ? params.lookup_keys : null
    const rows = [...prices.values()].filter(
      (p) =>
        p.active === active && (productId === null || p.product === productId) &&
        (type === null || p.type === type) && (keys === null || keys.includes(p.lookup_key)),
    )
    return list(rows, params, '/v1/prices', 'price')
  }

  function createCustomer(params: Params): Customer {
    const made: Customer = {
      id: newId('cus_', 14), object: 'customer', address: null, balance: 0, created: now(), currency: null,
      default_source: null, delinquent: false, description: optionalString(params, 'description'), discount: null,
      email: email(params), invoice_prefix: newId('', 8).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false, metadata: metadata(params.metadata, 'metadata'), name: optionalString(params, 'name'),
      next_invoice_sequence: 1, phone: null, preferred_locales: [], shipping: null, tax_exempt: 'none', test_clock: null,
    }
    customers.set(made.id, made)
    return made
  }

  function updateCustomer(id: string, params: Params): Customer {
    const found = customer(id)
    const changes: Partial<Customer> = { metadata: updatedMetadata(found.metadata, params.metadata) }
    if (params.email !== undefined) changes.email = email(params)
    if (params.name !== undefined) changes.name = optionalString(params, 'name')
    if (params.description !== undefined) changes.description = optionalString(params, 'description')
    return Object.assign(found, changes)
  }

  // ---- Invoice lines and invoices

  const productName = (p: Price) => products.get(p.product)?.name ?? p.product
  const intervalOf = (p: Price): Interval => p.recurring?.interval ?? 'month'

  function full(item: SubscriptionItem, p: Price, quantity: number, start: number, end: number): Draft {
    const description = `${quantity} × ${productName(p)} (at ${money(p.unit_amount, p.currency)} / ${intervalOf(p)})`
    return { price: p, quantity, amount: p.unit_amount * quantity, start, end, proration: false, description, item: item.id, invoiceItem: null }
  }

  /** Stripe's proration for [t, e) of the period [s, e): the price's amount × (e − t) / (e − s), rounded; 0 on a trial. */
  function prorated(kind: 'Unused' | 'Remaining', sub: Subscription, p: Price, quantity: number, t: number): Draft {
    const item = sub.items.data[0] as SubscriptionItem
    const [s, e] = [item.current_period_start, item.current_period_end]
    const share = sub.status === 'trialing' ? 0 : Math.round((p.unit_amount * quantity * (e - t)) / (e - s))
    const units = quantity > 1 ? `${quantity} × ` : ''
    return {
      price: p, quantity, amount: kind === 'Unused' ? 0 - share : share, start: t, end: e, proration: true,
      description: `${kind} time on ${units}${productName(p)} after ${day(t)}`, item: item.id, invoiceItem: newId('ii_'),
    }
  }

  function draftInvoice(sub: Subscription, drafts: Draft[], reason: Invoice['billing_reason'], period: [number, number], prorationDate?: number): Invoice {
    const preview = prorationDate !== undefined || reason === 'upcoming'
    const id = newId(preview ? 'upcoming_in_' : 'in_')
    const owner = customer(sub.customer)
    const lines = drafts.map((d): InvoiceLine => ({
      id: newId(preview ? 'il_tmp_' : 'il_'), object: 'line_item', amount: d.amount, currency: sub.currency,
      description: d.description, discount_amounts: [], discountable: !d.proration, discounts: [], invoice: id, livemode: false,
      metadata: {},
      parent: {
        type: 'subscription_item_details', invoice_item_details: null,
        subscription_item_details: {
          invoice_item: d.invoiceItem, proration: d.proration, proration_details: { credited_items: null },
          subscription: sub.id, subscription_item: d.item,
        },
      },
      period: { start: d.start, end: d.end }, pretax_credit_amounts: [],
      pricing: { type: 'price_details', price_details: { price: d.price.id, product: d.price.product }, unit_amount_decimal: String(d.amount / d.quantity) },
      quantity: d.quantity, subscription: sub.id, subtotal: d.amount, taxes: [],
    }))
    const total = lines.reduce((sum, line) => sum + line.amount, 0)
    const amountDue = Math.max(0, total + owner.balance) // a negative balance is credit the invoice uses first
    return {
      id, object: 'invoice', amount_due: amountDue, amount_overpaid: 0, amount_paid: 0, amount_remaining: amountDue,
      amount_shipping: 0, attempt_count: 0, attempted: false, auto_advance: !preview, billing_reason: reason,
      collection_method: 'charge_automatically', created: now(), currency: sub.currency, customer: owner.id,
      customer_email: owner.email, customer_name: owner.name, description: null, discounts: [], due_date: null,
      effective_at: null, ending_balance: null, hosted_invoice_url: null, invoice_pdf: null, last_finalization_error: null,
      lines: { object: 'list', data: lines, has_more: false, total_count: lines.length, url: `/v1/invoices/${id}/lines` },
      livemode: false, metadata: {}, next_payment_attempt: null, number: null,
      parent: {
        type: 'subscription_details', quote_details: null,
        subscription_details: {
          metadata: { ...sub.metadata },
          subscription: sub.id,
          ...(prorationDate === undefined ? {} : { subscription_proration_date: prorationDate }),
        },
      },
      period_start: period[0], period_end: period[1], starting_balance: owner.balance, status: 'draft',
      status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
      subtotal: total, subtotal_excluding_tax: total, total, total_discount_amounts: [], total_excluding_tax: total,
      total_pretax_credit_amounts: [], total_taxes: [], webhooks_delivered_at: null,
    }
  }

  /** Finalizes and stores an invoice, applying the customer's balance, then pays it or records a failed attempt. */
  function issue(sub: Subscription, drafts: Draft[], reason: Invoice['billing_reason'], period: [number, number], pay: boolean): Invoice {
    const made = draftInvoice(sub, drafts, reason, period)
    const owner = customer(sub.customer)
    const t = now()
    owner.balance = Math.min(0, made.total + made.starting_balance)
    Object.assign(made, {
      status: 'open', ending_balance: owner.balance, effective_at: t, webhooks_delivered_at: t,
      number: `${owner.invoice_prefix}-${String(owner.next_invoice_sequence++).padStart(4, '0')}`,
      hosted_invoice_url: `${kit.baseUrl()}/i/${made.id}`, invoice_pdf: `${kit.baseUrl()}/i/${made.id}/pdf`,
    })
    made.status_transitions.finalized_at = t
    invoices.set(made.id, made)
    sub.latest_invoice = made.id
    if (pay || made.amount_due === 0) markPaid(made)
    else attemptFailed(made)
    return made
  }

  function markPaid(found: Invoice) {
    if (found.amount_due > 0) found.attempt_count += 1
    Object.assign(found, { status: 'paid', attempted: true, amount_paid: found.amount_due, amount_remaining: 0, next_payment_attempt: null })
    found.status_transitions.paid_at = now()
  }
  function attemptFailed(found: Invoice) {
    Object.assign(found, { attempt_count: found.attempt_count + 1, attempted: true, next_payment_attempt: now() + 3 * 86400 })
  }
  /** After a payment outcome: active once nothing is left open, else past_due (incomplete while the first is unpaid). */
  function settle(sub: Subscription) {
    if (sub.status === 'canceled') return
    const open = [...invoices.values()].filter((i) => i.parent.subscription_details.subscription === sub.id && i.status === 'open')
    if (open.length === 0) sub.status = 'active'
    else sub.status = open.some((i) => i.billing_reason === 'subscription_create') ? 'incomplete' : 'past_due'
  }

  // ---- Subscriptions

  function startSubscription(owner: Customer, data: { price: Price; quantity: number; trialEnd: number | null; metadata: Metadata }): Subscription {
    const t = now()
    const id = newId('sub_')
    const { trialEnd } = data
    const end = trialEnd ?? addInterval(t, intervalOf(data.price))
    const item: SubscriptionItem = {
      id: newId('si_', 14), object: 'subscription_item', created: t, current_period_start: t, current_period_end: end,
      discounts: [], metadata: {}, price: data.price, quantity: data.quantity, subscription: id, tax_rates: [],
    }
    const sub: Subscription = {
      id, object: 'subscription', billing_cycle_anchor: trialEnd ?? t, billing_mode: { type: 'classic', flexible: null },
      cancel_at: null, cancel_at_period_end: false, canceled_at: null, cancellation_details: { comment: null, feedback: null, reason: null },
      collection_method: 'charge_automatically', created: t, currency: data.price.currency, customer: owner.id,
      days_until_due: null, default_payment_method: null, description: null, discounts: [], ended_at: null,
      items: { object: 'list', data: [item], has_more: false, total_count: 1, url: `/v1/subscription_items?subscription=${id}` },
      latest_invoice: null, livemode: false, metadata: data.metadata, pending_update: null, schedule: null, start_date: t,
      status: trialEnd === null ? 'active' : 'trialing', test_clock: null, trial_end: trialEnd, trial_start: trialEnd === null ? null : t,
    }
    subscriptions.set(id, sub)
    const first = full(item, data.price, data.quantity, t, end)
    if (trialEnd !== null) Object.assign(first, { amount: 0, description: `Trial period for ${productName(data.price)}` })
    issue(sub, [first], 'subscription_create', [t, t], true)
    return sub
  }

  function recurringPrice(id: string, param: string, currency: string): Price {
    const found = price(id, param, 400)
    if (!found.active) throw badParam(param, 'The price specified is inactive. This field only accepts active prices.')
    if (!found.recurring) throw badParam(param, 'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.')
    if (found.currency !== currency) {
      throw badParam(param, `The price specified has currency \`${found.currency}\`, which does not match the subscription's currency \`${currency}\`.`)
    }
    return found
  }

  /** The change described by update params (or create_preview's subscription_details), validated, applied to nothing. */
  function readChange(sub: Subscription, source: Params, param: (name: string) => string): Change {
    const item = sub.items.data[0] as SubscriptionItem
    let [newPrice, quantity] = [item.price, item.quantity]
    if (source.items !== undefined) {
      if (!Array.isArray(source.items) || source.items.length !== 1 || !isObject(source.items[0])) {
        throw badParam(param('items'), 'This fake models single-item subscriptions: pass items[0] only.')
      }
      const entry = source.items[0]
      const itemId = optionalString(entry, 'id')
      if (itemId === null) throw badParam(param('items[0][id]'), 'This fake changes the existing item only: pass items[0][id].')
      if (itemId !== item.id) throw noSuch('subscription_item', itemId, param('items[0][id]'), 400)
      if (entry.price !== undefined) newPrice = recurringPrice(requiredString(entry, 'price', param('items[0][price]')), param('items[0][price]'), sub.currency)
      if (entry.quantity !== undefined) quantity = integer(entry.quantity, param('items[0][quantity]'), 1)
    }
    const behavior = optionalString(source, 'proration_behavior') ?? 'create_prorations'
    if (!['create_prorations', 'always_invoice', 'none'].includes(behavior)) {
      throw badParam(param('proration_behavior'), 'Invalid proration_behavior: must be one of create_prorations, none, or always_invoice')
    }
    const anchor = optionalString(source, 'billing_cycle_anchor')
    if (anchor !== null && anchor !== 'now' && anchor !== 'unchanged') {
      throw badParam(param('billing_cycle_anchor'), 'Invalid billing_cycle_anchor: must be one of now or unchanged')
    }
    if (anchor === 'now' && sub.status === 'trialing') {
      throw badParam(param('billing_cycle_anchor'), "This fake doesn't reset the billing cycle of a trialing subscription.")
    }
    const [s, e] = [item.current_period_start, item.current_period_end]
    // Renewals here run ahead of the clock, so "now" may fall before the current period: it defaults into it.
    const prorationDate = source.proration_date === undefined ? Math.min(Math.max(now(), s), e - 1) : integer(source.proration_date, param('proration_date'))
    if (prorationDate < s || prorationDate >= e) {
      throw badParam(param('proration_date'), `The proration date (${prorationDate}) must be within the subscription's current billing period (${s} to ${e}).`)
    }
    return { price: newPrice, quantity, behavior: behavior as ProrationBehavior, prorationDate, resetAnchor: anchor === 'now' }
  }

  /** What a change does, for both create_preview and the update: a new interval (or billing_cycle_anchor=now) resets
   *  the cycle at the proration date and invoices at once; always_invoice invoices prorations at once; else they wait. */
  function plan(sub: Subscription, change: Change): Plan {
    const item = sub.items.data[0] as SubscriptionItem
    const t = change.prorationDate
    const waiting = pending.get(sub.id) ?? []
    const reset = sub.status !== 'trialing' && (change.resetAnchor || intervalOf(item.price) !== intervalOf(change.price))
    const changed = reset || item.price.id !== change.price.id || item.quantity !== change.quantity
    const credit = change.behavior === 'none' || !changed ? [] : [prorated('Unused', sub, item.price, item.quantity, t)]
    if (reset) {
      const end = addInterval(t, intervalOf(change.price))
      return { immediate: [...waiting, ...credit, full(item, change.price, change.quantity, t, end)], pending: [], start: t, end, anchor: t }
    }
    const prorations = credit.length ? [...credit, prorated('Remaining', sub, change.price, change.quantity, t)] : []
    const kept = { start: item.current_period_start, end: item.current_period_end, anchor: sub.billing_cycle_anchor }
    if (change.behavior === 'always_invoice' && prorations.length) return { immediate: [...waiting, ...prorations], pending: [], ...kept }
    return { immediate: null, pending: [...waiting, ...prorations], ...kept }
  }

  function updateSubscription(id: string, params: Params): Subscription {
    const sub = subscription(id)
    if (sub.status === 'canceled') {
      if (Object.keys(params).some((key) => !['cancellation_details', 'expand', 'metadata'].includes(key))) {
        throw invalid('A canceled subscription can only update its cancellation_details and metadata.')
      }
      sub.metadata = updatedMetadata(sub.metadata, params.metadata)
      return sub
    }
    const meta = updatedMetadata(sub.metadata, params.metadata)
    const cancelAtPeriodEnd = bool(params, 'cancel_at_period_end')
    const change = readChange(sub, params, (name) => name)
    const planned = params.items !== undefined || change.resetAnchor ? plan(sub, change) : null
    sub.metadata = meta
    const item = sub.items.data[0] as SubscriptionItem
    if (planned) {
      Object.assign(item, { price: change.price, quantity: change.quantity, current_period_start: planned.start, current_period_end: planned.end })
      sub.billing_cycle_anchor = planned.anchor
      pending.set(sub.id, planned.pending)
      if (planned.immediate) issue(sub, planned.immediate, 'subscription_update', [change.prorationDate, change.prorationDate], true)
    }
    if (cancelAtPeriodEnd !== undefined) {
      // Stripe sets cancel_at to the period end, and canceled_at to the time of the request, not of the ending.
      Object.assign(sub, {
        cancel_at_period_end: cancelAtPeriodEnd, cancel_at: cancelAtPeriodEnd ? item.current_period_end : null,
        canceled_at: cancelAtPeriodEnd ? now() : null,
      })
      sub.cancellation_details.reason = cancelAtPeriodEnd ? 'cancellation_requested' : null
    } else if (sub.cancel_at_period_end) {
      sub.cancel_at = item.current_period_end
    }
    return sub
  }

  /** DELETE: ends it now. `prorate` credits the unused time, `invoice_now` bills what is pending at once. */
  function cancelSubscription(id: string, params: Params): Subscription {
    const sub = subscriptions.get(id)
    if (!sub || sub.status === 'canceled') throw noSuch('subscription', id) // a canceled one is gone as far as DELETE goes
    const prorate = bool(params, 'prorate') ?? false
    const invoiceNow = bool(params, 'invoice_now') ?? false
    const item = sub.items.data[0] as SubscriptionItem
    const t = Math.min(Math.max(now(), item.current_period_start), item.current_period_end - 1)
    const waiting = [...(pending.get(sub.id) ?? []), ...(prorate ? [prorated('Unused', sub, item.price, item.quantity, t)] : [])]
    pending.set(sub.id, invoiceNow ? [] : waiting)
    if (invoiceNow && waiting.length) issue(sub, waiting, 'subscription_update', [t, t], true)
    const at = now()
    Object.assign(sub, { status: 'canceled', canceled_at: at, ended_at: at })
    sub.cancellation_details.reason = 'cancellation_requested'
    return sub
  }

  function listSubscriptions(params: Params): List<Subscription> {
    const owner = optionalString(params, 'customer')
    const status = optionalString(params, 'status')
    const wanted = (s: Subscription) =>
      status === null ? s.status !== 'canceled' : status === 'all' || s.status === status || (status === 'ended' && s.status === 'canceled')
    return list([...subscriptions.values()].filter((s) => (owner === null || s.customer === owner) && wanted(s)), params, '/v1/subscriptions', 'subscription')
  }

  // ---- Previews, invoice lists, portal

  function createPreview(params: Params): Invoice {
    const subId = optionalString(params, 'subscription')
    if (subId === null) throw badParam('subscription', 'This fake previews invoices of existing subscriptions only: pass `subscription`.')
    const sub = subscription(subId, 'subscription', 400)
    const customerId = optionalString(params, 'customer')
    if (customerId !== null && customer(customerId, 'customer', 400).id !== sub.customer) {
      throw badParam('customer', `The subscription \`${sub.id}\` does not belong to the customer \`${customerId}\`.`)
    }
    const details = params.subscription_details ?? {}
    if (!isObject(details)) throw badParam('subscription_details', 'Invalid object: subscription_details must be a hash.')
    const change = readChange(sub, details, (name) => name.replace(/^(\w+)/, 'subscription_details[$1]'))
    const none = () =>
      new kit.ApiError(404, { type: 'invalid_request_error', code: 'invoice_upcoming_none', message: `No upcoming invoices for customer: ${sub.customer}` })
    if (sub.status === 'canceled') throw none()
    const planned = plan(sub, change)
    const t = change.prorationDate
    if (planned.immediate) return draftInvoice(sub, planned.immediate, 'subscription_update', [t, t], t)
    if (sub.cancel_at_period_end) throw none()
    const item = sub.items.data[0] as SubscriptionItem
    const next = full(item, change.price, change.quantity, planned.end, periodEnd(planned.anchor, intervalOf(change.price), planned.end))
    return draftInvoice(sub, [...planned.pending, next], 'upcoming', [planned.start, planned.end], details.proration_date === undefined ? undefined : t)
  }

  function listInvoices(params: Params): List<Invoice> {
    const [owner, subId, status] = ['customer', 'subscription', 'status'].map((name) => optionalString(params, name))
    const rows = [...invoices.values()].filter(
      (i) =>
        (owner === null || i.customer === owner) &&
        (subId === null || i.parent.subscription_details.subscription === subId) &&
        (status === null || i.status === status),
    )
    return list(rows, params, '/v1/invoices', 'invoice')
  }

  function createPortalSession(params: Params): PortalSession {
    const customerId = requiredString(params, 'customer')
    customer(customerId, 'customer', 400)
    const id = newId('bps_')
    const made: PortalSession = {
      id, object: 'billing_portal.session', configuration: 'bpc_fake_default', created: now(), customer: customerId,
      customer_account: null, flow: null, livemode: false, locale: null, on_behalf_of: null,
      return_url: kit.url(params, 'return_url'), url: `${kit.baseUrl()}/p/session/${id}`,
    }
    portalSessions.set(id, made)
    return made
  }

  // ---- Checkout in subscription mode, and saved prices in payment mode

  const checkout: FakeStripeExtension<FakeStripeBilling>['checkout'] = {
    modes: ['subscription'],
    lineItem(item, at, mode) {
      if (item.price === undefined) {
        if (mode === 'subscription') throw badParam(`${at}[price]`, 'This fake prices subscription line items from saved prices only: pass `price`.')
        return undefined
      }
      const found = price(requiredString(item, 'price', `${at}[price]`), `${at}[price]`, 400)
      if (!found.active) throw badParam(`${at}[price]`, 'The price specified is inactive. This field only accepts active prices.')
      if (!products.get(found.product)?.active) {
        throw badParam(`${at}[price]`, `The price specified belongs to an inactive product (${found.product}).`)
      }
      if (mode === 'payment' && found.recurring) {
        throw badParam(
          `${at}[price]`,
          'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
        )
      }
      return { currency: found.currency, unitAmount: found.unit_amount }
    },
    prepare(session: CheckoutSession, params) {
      const customerId = optionalString(params, 'customer')
      if (customerId !== null) {
        customer(customerId, 'customer', 400)
        if (session.customer_email !== null) {
          throw invalid('You may only specify one of these parameters: customer, customer_email.', { param: 'customer_email' }, false)
        }
      }
      const data = params.subscription_data
      if (session.mode === 'payment') {
        if (data !== undefined) throw badParam('subscription_data', 'You can not pass `subscription_data` in `payment` mode.')
        session.customer = customerId
        return
      }
      if (params.payment_intent_data !== undefined) throw badParam('payment_intent_data', 'You can not pass `payment_intent_data` in `subscription` mode.')
      if (data !== undefined && !isObject(data)) throw badParam('subscription_data', 'Invalid object: subscription_data must be a hash.')
      const items = params.line_items as Params[] // the core checked it is a non-empty list of hashes
      if (items.length !== 1) throw badParam('line_items', 'This fake supports one line item (a recurring price) in subscription mode.')
      const chosen = price(String(items[0]?.price))
      if (!chosen.recurring) {
        throw badParam('line_items[0][price]', 'You must provide at least one recurring price in `subscription` mode when using prices.')
      }
      let trialEnd: number | null = null
      if (data?.trial_end !== undefined) {
        trialEnd = integer(data.trial_end, 'subscription_data[trial_end]')
        if (trialEnd < now() + 2 * 86400) throw badParam('subscription_data[trial_end]', 'The `trial_end` date has to be at least 2 days in the future.')
        if (trialEnd > now() + 730 * 86400) throw badParam('subscription_data[trial_end]', 'The `trial_end` date has to be at most 730 days in the future.')
      }
      const meta = metadata(data?.metadata, 'subscription_data[metadata]')
      session.customer = customerId
      if (trialEnd !== null) Object.assign(session, { amount_total: 0, amount_subtotal: 0 }) // nothing is due until the trial ends
      checkoutData.set(session.id, { price: chosen, quantity: integer(items[0]?.quantity, 'line_items[0][quantity]', 1), trialEnd, metadata: meta })
    },
    complete(session) {
      const data = checkoutData.get(session.id)
      if (!data) throw new Error(`fakeStripe: no subscription data for session ${session.id}`)
      const owner = session.customer ? customer(session.customer) : createCustomer({ email: session.customer_email ?? undefined })
      const sub = startSubscription(owner, data)
      Object.assign(session, {
        customer: owner.id, subscription: sub.id, invoice: sub.latest_invoice,
        payment_status: session.amount_total === 0 ? 'no_payment_required' : 'paid',
      })
    },
  }

  const routes: Route[] = [
    ['POST', /^\/v1\/products$/, (params) => createProduct(params)],
    ['GET', /^\/v1\/products\/([^/]+)$/, (_, id) => product(id)],
    ['POST', /^\/v1\/products\/([^/]+)$/, (params, id) => updateProduct(id, params)],
    ['POST', /^\/v1\/prices$/, (params) => createPrice(params)],
    ['GET', /^\/v1\/prices$/, (params) => listPrices(params)],
    ['GET', /^\/v1\/prices\/([^/]+)$/, (_, id) => price(id)],
    ['POST', /^\/v1\/prices\/([^/]+)$/, (params, id) => updatePrice(id, params)],
    ['POST', /^\/v1\/customers$/, (params) => createCustomer(params)],
    ['GET', /^\/v1\/customers\/([^/]+)$/, (_, id) => customer(id)],
    ['POST', /^\/v1\/customers\/([^/]+)$/, (params, id) => updateCustomer(id, params)],
    ['GET', /^\/v1\/subscriptions$/, (params) => listSubscriptions(params)],
    ['GET', /^\/v1\/subscriptions\/([^/]+)$/, (_, id) => subscription(id)],
    ['POST', /^\/v1\/subscriptions\/([^/]+)$/, (params, id) => updateSubscription(id, params)],
    ['DELETE', /^\/v1\/subscriptions\/([^/]+)$/, (params, id) => cancelSubscription(id, params)],
    ['POST', /^\/v1\/invoices\/create_preview$/, (params) => createPreview(params)],
    ['GET', /^\/v1\/invoices$/, (params) => listInvoices(params)],
    ['GET', /^\/v1\/invoices\/([^/]+)$/, (_, id) => invoice(id)],
    ['POST', /^\/v1\/billing_portal\/sessions$/, (params) => createPortalSession(params)],
  ]
  const stores: Map<string, object>[] = [products, prices, customers, subscriptions, invoices, portalSessions]

  const control = (id: string) => {
    const found = subscriptions.get(id)
    if (!found) throw new Error(`fakeStripe: unknown subscription ${id}`)
    return found
  }
  const openInvoice = (id: string) => {
    const found = invoices.get(id)
    if (found?.status !== 'open') throw new Error(`fakeStripe: invoice ${id} is ${found?.status ?? 'unknown'}, not open`)
    return found
  }

  return {
    routes,
    checkout,
    lookup: (id) => stores.find((store) => store.has(id))?.get(id),
    api: {
      products, prices, customers, subscriptions, invoices, portalSessions,
      renewSubscription(id, { pay }) {
        const sub = control(id)
        if (sub.status === 'canceled') throw new Error(`fakeStripe: subscription ${id} is canceled`)
        const item = sub.items.data[0] as SubscriptionItem
        const [s, e] = [item.current_period_start, item.current_period_end]
        if (sub.cancel_at_period_end || (sub.cancel_at !== null && sub.cancel_at <= e)) {
          return Object.assign(sub, { status: 'canceled', ended_at: e, canceled_at: sub.canceled_at ?? e })
        }
        const end = periodEnd(sub.billing_cycle_anchor, intervalOf(item.price), e)
        const drafts = [...(pending.get(id) ?? []), full(item, item.price, item.quantity, e, end)]
        pending.set(id, [])
        Object.assign(item, { current_period_start: e, current_period_end: end })
        issue(sub, drafts, 'subscription_cycle', [s, e], pay)
        settle(sub)
        return sub
      },
      payInvoice(id) {
        const found = openInvoice(id)
        markPaid(found)
        settle(control(found.parent.subscription_details.subscription))
        return found
      },
      failInvoice(id) {
        const found = openInvoice(id)
        attemptFailed(found)
        settle(control(found.parent.subscription_details.subscription))
        return found
      },
      setSubscriptionStatus(id, status) {
        return Object.assign(control(id), { status })
      },
    },
  }
}
