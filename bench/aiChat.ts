// The AI assistant's first-token overhead (issue 19): what POST /api/ai/chat adds between the provider's
// first token and the client's. The production build (`npm run build` first) runs as `npm start` does, its
// Messages API replaced by the loopback fake (tests/helpers/fakeAnthropic.ts) in this process; a node:http
// client in this process posts questions one after another. The fake stamps each text_delta just before its
// write to the socket (process.hrtime.bigint()); the client stamps the moment the chunk completing each
// `delta` event arrived. Same process, same clock: the difference is the relay
// (SDK parse, the chat turn, the event stream, Next's server, two loopback hops). The fake pauses between
// events, so the first text_delta goes out well after the app's set-up (the `start` event) is done.
// A control: the same client reading the fake directly, for the floor of the measurement itself.
// Run: npm run build && npx tsx bench/aiChat.ts   (DATABASE_URL's server when set, else embedded)
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import os from 'node:os'
import pg from 'pg'

import { startFakeAnthropic } from '../tests/helpers/fakeAnthropic'
import { freePort, startApp, waitForHealth } from '../tests/e2e/app'
import { benchDatabase } from './database'

const SAMPLES = 300
const WARM_UP = 30
/** Between every two SSE events of the fake's answer: three of them (60 ms) before the first text_delta. */
const EVENT_DELAY_MS = 20
const PIECES = ['Studio B ', 'is free ', 'on Saturday ', 'from 14:00 ', 'to 18:00.']
const API_KEY = 'sk-ant-bench'
const CREDITS = 1_000_000

const loadBefore = os.loadavg()
const database = await benchDatabase()

/** The fake's write times of the current request's text_deltas, in order. */
let deltasWritten: bigint[] = []
const fake = await startFakeAnthropic({
  apiKey: API_KEY,
  defaultReply: { content: [{ text: PIECES, type: 'text' }], eventDelayMs: EVENT_DELAY_MS, usage: { input_tokens: 1200, output_tokens: 80 } },
  onEventWritten: (event, data, at) => {
    if (event === 'content_block_delta' && (data as { delta: { type: string } }).delta.type === 'text_delta') deltasWritten.push(at)
  },
})

const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}`
const admin = { email: 'bench@studio.test', password: 'a-long-bench-password' }
const app = startApp({
  ANTHROPIC_API_KEY: API_KEY,
  ANTHROPIC_BASE_URL: fake.url,
  ATELIER_ADMIN_EMAIL: admin.email,
  ATELIER_ADMIN_PASSWORD: admin.password,
  ATELIER_AI_CONFIRM_ABOVE: '1000',
  ATELIER_AI_RATE_LIMIT: '1000000',
  ATELIER_LOG_LEVEL: 'warn',
  ATELIER_PUBLIC_URL: baseUrl,
  // The production build refreshes rates at start: a closed local port, never the ECB.
  ATELIER_RATES_URL: 'http://127.0.0.1:9/eurofxref-daily.xml',
  DATABASE_URL: database.url,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  PORT: String(port),
})
await waitForHealth(baseUrl, app)

const api = async (route: string, body: unknown, token?: string) => {
  const response = await fetch(`${baseUrl}/api${route}`, {
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    method: 'POST',
  })
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { doc: { id: number }; token: string }
}
const { token: adminToken } = await api('/users/login', admin)
const tenant = await api('/tenants', { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Bench Lumière', slug: 'bench-lumiere', timezone: 'Europe/Paris' }, adminToken)
const owner = { email: 'owner@bench-lumiere.test', password: 'a-long-owner-password' }
await api('/users', { ...owner, name: 'Olive Owner', tenants: [{ role: 'owner', tenant: tenant.doc.id }] }, adminToken)
const { token } = await api('/users/login', owner)
// Bought credits, as a pack purchase records them (as the e2e does): enough for every question's hold.
const client = new pg.Client({ connectionString: database.url })
await client.connect()
await client.query(`insert into credit_ledger (tenant_id, kind, amount, reference, note, created_at, updated_at) values ($1, 'purchase', $2, 'pi_bench_ai', 'bench pack', now(), now())`, [tenant.doc.id, CREDITS])
await client.query(`insert into credit_wallets (tenant_id, balance) values ($1, $2) on conflict (tenant_id) do update set balance = credit_wallets.balance + $2`, [tenant.doc.id, CREDITS])
await client.end()

type Frame = { at: bigint; event: string; data: string }

/** One POST; every SSE frame with the time the chunk completing it arrived. Streamed, never gzipped. */
const post = (url: string, path: string, headers: Record<string, string>, body: unknown) =>
  new Promise<{ contentEncoding: string | undefined; frames: Frame[]; sent: bigint; status: number }>((resolve, reject) => {
    const payload = JSON.stringify(body)
    const frames: Frame[] = []
    const target = new URL(url)
    const request = http.request(
      // What a browser sends: if anything compressed the stream, the check below would see it.
      { headers: { 'Accept-Encoding': 'gzip, deflate, br', 'Content-Length': Buffer.byteLength(payload), 'Content-Type': 'application/json', ...headers }, host: target.hostname, method: 'POST', path, port: target.port },
      (response) => {
        let buffered = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          const at = process.hrtime.bigint()
          buffered += chunk
          let end: number
          while ((end = buffered.indexOf('\n\n')) !== -1) {
            const frame = buffered.slice(0, end)
            buffered = buffered.slice(end + 2)
            const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message'
            frames.push({ at, data: /^data: (.*)$/m.exec(frame)?.[1] ?? '', event })
          }
        })
        response.on('end', () => resolve({ contentEncoding: response.headers['content-encoding'], frames, sent, status: response.statusCode ?? 0 }))
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    const sent = process.hrtime.bigint()
    request.end(payload)
  })

const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6
const series = { control: [] as number[], firstToken: [] as number[], laterTokens: [] as number[], toDone: [] as number[], toFirstDelta: [] as number[], toStart: [] as number[] }
let startAfterFirstToken = 0

for (let round = 0; round < WARM_UP + SAMPLES; round++) {
  deltasWritten = []
  const answer = await post(baseUrl, '/api/ai/chat', { Authorization: `JWT ${token}` }, { message: `Is Studio B free on Saturday afternoon? (${round})` })
  const names = answer.frames.map((frame) => frame.event)
  const texts = answer.frames.filter((frame) => frame.event === 'delta').map((frame) => (JSON.parse(frame.data) as { text: string }).text)
  if (answer.status !== 200 || answer.contentEncoding || names.join() !== 'start,delta,delta,delta,delta,delta,usage,done' || texts.join('|') !== PIECES.join('|')) {
    throw new Error(`round ${round}: ${answer.status} ${answer.contentEncoding ?? ''} ${names.join()}\n${app.output().slice(-2000)}`)
  }
  if (deltasWritten.length !== PIECES.length) throw new Error(`round ${round}: the fake wrote ${deltasWritten.length} text_deltas`)
  const deltas = answer.frames.filter((frame) => frame.event === 'delta')
  const start = answer.frames[0]!
  const done = answer.frames.at(-1)!
  if (round < WARM_UP) continue
  series.firstToken.push(ms(deltasWritten[0]!, deltas[0]!.at))
  for (let index = 1; index < deltas.length; index++) series.laterTokens.push(ms(deltasWritten[index]!, deltas[index]!.at))
  series.toStart.push(ms(answer.sent, start.at))
  series.toFirstDelta.push(ms(answer.sent, deltas[0]!.at))
  series.toDone.push(ms(answer.sent, done.at))
  if (start.at > deltasWritten[0]!) startAfterFirstToken++
}

// The control: the same client reading the fake's stream directly (no app), for the measurement's own floor.
for (let round = 0; round < WARM_UP + SAMPLES; round++) {
  deltasWritten = []
  const body = { max_tokens: 1024, messages: [{ content: 'hi', role: 'user' }], model: 'claude-sonnet-5-5', stream: true }
  const answer = await post(fake.url, '/v1/messages', { 'anthropic-version': '2023-06-01', 'x-api-key': API_KEY }, body)
  const firstDelta = answer.frames.find((frame) => frame.event === 'content_block_delta')
  if (answer.status !== 200 || !firstDelta || deltasWritten.length !== PIECES.length) throw new Error(`control round ${round}: ${answer.status}`)
  if (round >= WARM_UP) series.control.push(ms(deltasWritten[0]!, firstDelta.at))
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const figures = (values: number[]) => ({
  max: Number(Math.max(...values).toFixed(2)),
  p50: Number(percentile(values, 50).toFixed(2)),
  p95: Number(percentile(values, 95).toFixed(2)),
  p99: Number(percentile(values, 99).toFixed(2)),
})
console.log(
  JSON.stringify(
    {
      controlFakeToClientMs: figures(series.control),
      eventDelayMs: EVENT_DELAY_MS,
      firstTokenOverheadMs: figures(series.firstToken),
      laterTokensOverheadMs: figures(series.laterTokens),
      loadAverage: { after: os.loadavg().map((load) => Number(load.toFixed(2))), before: loadBefore.map((load) => Number(load.toFixed(2))) },
      node: process.version,
      requestToDoneMs: figures(series.toDone),
      requestToFirstDeltaMs: figures(series.toFirstDelta),
      requestToStartMs: figures(series.toStart),
      samples: SAMPLES,
      startArrivedAfterFirstTokenWritten: startAfterFirstToken,
      target: { firstTokenOverheadP99Ms: 20, met: percentile(series.firstToken, 99) < 20 },
      warmUp: WARM_UP,
    },
    null,
    1,
  ),
)
app.process.kill('SIGTERM')
await app.exit
await fake.close()
await database.drop()
process.exit(0)
