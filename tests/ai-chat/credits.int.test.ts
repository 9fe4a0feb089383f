// What the assistant spends, on billing's real ledger: each call's hold settled to the provider's usage, the
// confirm step, refusals before any call, caps, releases on provider errors and on a client that leaves,
// 20 chats at once against a balance that covers 5, the per-user rate limit, and the retention job.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { purgeOldConversations } from '../../plugins/ai-chat/jobs/retention'
import { aiOptions } from '../../plugins/ai-chat/services/options'
import { costInCredits } from '../../plugins/ai-chat/services/pricing'
import { chat, eventsNamed, fund, parseEvents, readEvents } from '../helpers/aiChat'
import { ledgerOf, walletOf } from '../helpers/billing'
import { createDefaultPolicy, createRoom } from '../helpers/booking'
import { type FakeAnthropic, startFakeAnthropic } from '../helpers/fakeAnthropic'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const MODEL = 'claude-sonnet-5-5'
const usage = { input_tokens: 1500, output_tokens: 120 }
const COST = costInCredits(MODEL, { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens })
const QUESTION = 'What did we earn in October?'

describe('ai-chat: credits held, settled, capped and released', () => {
  let app: TestApp
  let fake: FakeAnthropic
  const token = async (tenant: Tenant, role: 'owner' | 'staff' | 'admin' = 'staff') => {
    const user = await createUser(app.payload, [{ role, tenant }])
    return { token: await app.rest.login(user.email, PASSWORD), user }
  }
  const aiLedger = async (tenant: Tenant) => (await ledgerOf(app.payload, tenant)).filter((entry) => entry.reference.startsWith('ai:'))
  const conversationsOf = async (user: User) => (await app.payload.count({ collection: 'ai-conversations', where: { user: { equals: user.id } } })).totalDocs

  /** The estimate of QUESTION for a new conversation, read from a 402 confirm_cost (nothing is spent). */
  async function estimateFor(bearer: string): Promise<number> {
    const options = aiOptions(app.payload)
    const threshold = options.confirmAbove
    options.confirmAbove = 0
    try {
      const response = await chat(app.rest, bearer, { message: QUESTION })
      expect(response.status).toBe(402)
      return ((await response.json()) as { estimate: number }).estimate
    } finally {
      options.confirmAbove = threshold
    }
  }

  beforeAll(async () => {
    fake = await startFakeAnthropic({ defaultReply: { content: [{ text: ['October: ', '1,234.00 EUR.'], type: 'text' }], usage } })
    app = await startTestApp({ ANTHROPIC_API_KEY: 'sk-ant-credits', ANTHROPIC_BASE_URL: fake.url, ATELIER_AI_CONFIRM_ABOVE: '1000', ATELIER_AI_MODEL: MODEL, ATELIER_AI_RATE_LIMIT: '8' })
  })
  afterAll(async () => {
    await app?.close()
    await fake?.close()
  })

  it('holds the estimate, settles to the usage, and gives the rest back', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 1000)
    const { token: bearer } = await token(studio)
    const events = await readEvents(await chat(app.rest, bearer, { message: QUESTION }))
    const estimate = eventsNamed(events, 'start')[0]!.estimate as number
    const entries = await aiLedger(studio)
    expect(entries).toEqual([
      { amount: -estimate, kind: 'spend', reference: expect.stringMatching(/^ai:[0-9a-f-]{36}:1$/) },
      { amount: estimate - COST, kind: 'refund', reference: entries[0]!.reference },
    ])
    expect((await walletOf(app.payload, studio)).balance).toBe(1000 - COST)
    expect(eventsNamed(events, 'done')[0]).toMatchObject({ balance: 1000 - COST, credits: COST })
  })

  it('asks to confirm a message estimated above the threshold, spending nothing until confirmed', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 1000)
    const { token: bearer, user } = await token(studio)
    const estimate = await estimateFor(bearer)
    const options = aiOptions(app.payload)
    const threshold = options.confirmAbove
    options.confirmAbove = estimate - 1
    try {
      const asked = await chat(app.rest, bearer, { message: QUESTION })
      expect(asked.status).toBe(402)
      expect(await asked.json()).toMatchObject({ balance: 1000, code: 'confirm_cost', estimate })
      expect(await aiLedger(studio)).toEqual([])
      expect(await conversationsOf(user)).toBe(0)
      const confirmed = await chat(app.rest, bearer, { confirmCost: true, message: QUESTION })
      expect(confirmed.status).toBe(200)
      expect(eventsNamed(await readEvents(confirmed), 'done')[0]).toMatchObject({ credits: COST })
    } finally {
      options.confirmAbove = threshold
    }
  })

  it('refuses an empty or too small balance before the model is called, writing nothing', async () => {
    const studio = await createTenant(app.payload)
    const { token: bearer, user } = await token(studio)
    const calls = fake.requests.length
    const modelCalls = fake.messageRequests().length
    const empty = await chat(app.rest, bearer, { message: QUESTION })
    expect(empty.status).toBe(402)
    expect(await empty.json()).toMatchObject({ balance: 0, code: 'insufficient_credits' })
    expect(fake.requests.length).toBe(calls)
    await fund(app.payload, studio, 3)
    const tooSmall = await chat(app.rest, bearer, { message: QUESTION })
    expect(tooSmall.status).toBe(402)
    expect(await tooSmall.json()).toMatchObject({ balance: 3, code: 'insufficient_credits' })
    // Counted, refused at the hold: the model itself was never called.
    expect(fake.messageRequests().length).toBe(modelCalls)
    expect(await aiLedger(studio)).toEqual([])
    expect(await conversationsOf(user)).toBe(0)
  })

  it('keeps each person under the daily cap and the studio under the monthly cap its owners set', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 5000)
    const { token: ownerToken } = await token(studio, 'owner')
    const { token: adminToken } = await token(studio, 'admin')
    const { token: first } = await token(studio)
    const { token: second } = await token(studio)
    const estimate = await estimateFor(first)
    // Room for one message a day per person (its hold, then its cost), and for two a month in all.
    const caps = { aiTenantMonthlyCap: 2 * COST + estimate - 1, aiUserDailyCap: COST + estimate - 1 }
    expect((await app.rest.patch(`/tenants/${studio.id}`, { aiUserDailyCap: 1 }, { token: adminToken })).status).toBe(200)
    expect((await app.payload.findByID({ collection: 'tenants', id: studio.id })).aiUserDailyCap ?? null).toBeNull()
    expect((await app.rest.patch(`/tenants/${studio.id}`, caps, { token: ownerToken })).status).toBe(200)

    for (const bearer of [first, second]) {
      const answered = await chat(app.rest, bearer, { message: QUESTION })
      expect(answered.status).toBe(200)
      await answered.text()
    }
    const again = await chat(app.rest, first, { message: QUESTION })
    expect(again.status).toBe(402)
    expect(await again.json()).toMatchObject({ cap: 'user_daily', code: 'ai_cap_reached', limit: caps.aiUserDailyCap, spent: COST })
    const third = await token(studio)
    const overMonth = await chat(app.rest, third.token, { message: QUESTION })
    expect(overMonth.status).toBe(402)
    expect(await overMonth.json()).toMatchObject({ cap: 'tenant_monthly', code: 'ai_cap_reached', limit: caps.aiTenantMonthlyCap })
  })

  it('gives the whole hold back when the provider fails: overloaded, or the stream cut mid-answer', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 1000)
    const { token: bearer } = await token(studio)
    // The SDK retries a 529 twice before giving up.
    const overloaded = { errorType: 'overloaded_error', status: 529 }
    fake.reply(overloaded, overloaded, overloaded)
    const failed = await readEvents(await chat(app.rest, bearer, { message: QUESTION }))
    expect(eventsNamed(failed, 'error')[0]).toMatchObject({ code: 'provider_overloaded' })
    expect(eventsNamed(failed, 'done')[0]).toMatchObject({ balance: 1000, credits: 0 })

    fake.reply({ content: [{ text: ['Half ', 'an ', 'answer ', 'and then'], type: 'text' }], cutAfterEvents: 5, usage })
    const cut = await readEvents(await chat(app.rest, bearer, { message: QUESTION }))
    expect(eventsNamed(cut, 'delta').length).toBeGreaterThan(0)
    expect(eventsNamed(cut, 'error')[0]).toMatchObject({ code: 'provider_error' })
    expect(eventsNamed(cut, 'done')[0]).toMatchObject({ balance: 1000, credits: 0 })
    expect((await walletOf(app.payload, studio)).balance).toBe(1000)
    const kinds = (await aiLedger(studio)).map((entry) => entry.kind)
    expect(kinds).toEqual(['spend', 'refund', 'spend', 'refund'])
  })

  it('settles to the full usage when the client leaves mid-answer, and stores the whole answer', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 1000)
    const { token: bearer, user } = await token(studio)
    const pieces = Array.from({ length: 12 }, (_, index) => `part ${index} `)
    fake.reply({ content: [{ text: pieces, type: 'text' }], eventDelayMs: 40, usage })
    const response = await chat(app.rest, bearer, { message: QUESTION })
    const reader = response.body!.getReader()
    let seen = ''
    while (!seen.includes('event: delta')) seen += new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    // The provider's answer runs to its end on the server, then the hold settles.
    const answers = () => app.payload.find({ collection: 'ai-messages', where: { and: [{ user: { equals: user.id } }, { role: { equals: 'assistant' } }] } })
    const deadline = Date.now() + 10_000
    while ((await answers()).docs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await answers()).docs.map((message) => message.text)).toEqual([pieces.join('')])
    expect((await walletOf(app.payload, studio)).balance).toBe(1000 - COST)
  })

  it('lets 20 chats at once spend only what the balance covers: 5 answered, 15 refused, never below zero', async () => {
    const studio = await createTenant(app.payload)
    const people = await Promise.all(Array.from({ length: 20 }, () => token(studio)))
    await fund(app.payload, studio, 1)
    const estimate = await estimateFor(people[0]!.token)
    await fund(app.payload, studio, 5 * estimate - 1 + (estimate - 1))
    const funded = 5 * estimate + estimate - 1
    // Slow answers: every hold is taken before the first one settles.
    for (let index = 0; index < 5; index++) fake.reply({ content: [{ text: ['A', ' slow', ' answer', '.'], type: 'text' }], eventDelayMs: 250, usage })
    const responses = await Promise.all(people.map(({ token: bearer }) => chat(app.rest, bearer, { message: QUESTION })))
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(5)
    expect(statuses.filter((status) => status === 402)).toHaveLength(15)
    const bodies = await Promise.all(responses.map((response) => response.text()))
    for (const [index, body] of bodies.entries()) {
      if (statuses[index] === 402) expect(JSON.parse(body)).toMatchObject({ code: 'insufficient_credits' })
      else expect(eventsNamed(parseEvents(body), 'done')[0]).toMatchObject({ credits: COST })
    }
    expect((await walletOf(app.payload, studio)).balance).toBe(funded - 5 * COST)
  })

  it('limits each person’s messages per minute (429 with Retry-After)', async () => {
    const studio = await createTenant(app.payload)
    const { token: bearer } = await token(studio)
    const statuses: number[] = []
    for (let index = 0; index < 9; index++) {
      const response = await chat(app.rest, bearer, { message: QUESTION })
      statuses.push(response.status)
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // Eight refused for the empty balance, the ninth for the rate.
    expect(statuses).toEqual([...Array(8).fill(402), 429])
  })

  it('forgets conversations untouched for the retention period, with their messages', async () => {
    const studio = await createTenant(app.payload)
    const user = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    const make = async (daysAgo: number) => {
      const lastMessageAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString()
      const conversation = await app.payload.create({ collection: 'ai-conversations', data: { lastMessageAt, model: MODEL, sessionId: crypto.randomUUID(), tenant: studio.id, user: user.id } })
      await app.payload.create({ collection: 'ai-messages', data: { content: [{ text: 'hi', type: 'text' }], conversation: conversation.id, role: 'user', tenant: studio.id, user: user.id } })
      return conversation.id
    }
    const old = await make(91)
    const recent = await make(89)
    const req: PayloadRequest = await createLocalReq({}, app.payload)
    expect(await purgeOldConversations(req, 90)).toBeGreaterThanOrEqual(1)
    const left = (await app.payload.find({ collection: 'ai-conversations', where: { user: { equals: user.id } } })).docs.map((doc) => doc.id)
    expect(left).toEqual([recent])
    const { rows } = (await app.payload.db.drizzle.execute(sql`select count(*)::int as n from ai_messages where conversation_id = ${old}`)) as unknown as { rows: { n: number }[] }
    expect(rows[0]!.n).toBe(0)
  })

  it('stops before a step that would cost more than the message allowed, and refuses oversized tool results', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 5000)
    const { token: bearer } = await token(studio)
    await createDefaultPolicy(app.payload, studio)
    const room = await createRoom(app.payload, studio)
    const options = aiOptions(app.payload)
    const threshold = options.confirmAbove
    options.confirmAbove = 0
    try {
      // Two weeks of hour-long slots is far more than a tool result may carry back.
      const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
      const to = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
      const musing = 'Let me look at every slot of the fortnight. '.repeat(100)
      fake.reply({ content: [{ text: musing, type: 'text' }, { input: { duration: 60, from, room: room.id, to }, name: 'find_availability', type: 'tool_use' }], usage })
      const events = await readEvents(await chat(app.rest, bearer, { confirmCost: true, message: QUESTION }))
      expect(eventsNamed(events, 'tool_result')[0]).toMatchObject({ error: 'too_large', name: 'find_availability', ok: false })
      // The first call's own words make the next call's input larger than the first: with no threshold above
      // the confirmed estimate, that step is not taken.
      expect(eventsNamed(events, 'error')[0]).toMatchObject({ code: 'step_too_costly' })
      expect((await aiLedger(studio)).map((entry) => entry.kind)).toEqual(['spend', 'refund'])
      expect(eventsNamed(events, 'done')[0]).toMatchObject({ credits: COST })
    } finally {
      options.confirmAbove = threshold
    }
  })

  it('lets an account that chatted be erased: its conversations go, the ledger forgets who spent', async () => {
    const studio = await createTenant(app.payload)
    await fund(app.payload, studio, 1000)
    const { token: bearer, user } = await token(studio)
    await readEvents(await chat(app.rest, bearer, { message: QUESTION }))
    expect(await conversationsOf(user)).toBe(1)
    await app.payload.delete({ collection: 'users', id: user.id })
    expect(await conversationsOf(user)).toBe(0)
    const { rows } = (await app.payload.db.drizzle.execute(sql`select user_id from credit_ledger where tenant_id = ${studio.id} and starts_with(reference, 'ai:')`)) as unknown as { rows: { user_id: null | number }[] }
    expect(rows.length).toBe(2)
    expect(rows.every((row) => row.user_id === null)).toBe(true)
    expect((await walletOf(app.payload, studio)).balance).toBe(1000 - COST)
  })
})
