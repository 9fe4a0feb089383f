// A studio's stylesheet, GET /api/themes/:id/css, through the real route handler (in process, no HTTP
// server): a full answer and a 304 for a client holding its ETag, over 100 studios with a theme each.
// Run: npx tsx bench/theme-css.ts   (uses DATABASE_URL's server when set, else an embedded one)
import { benchDatabase } from './database'

const STUDIOS = 100
const SAMPLES = 5_000

const database = await benchDatabase()
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'warn', ATELIER_RATES_URL: 'http://127.0.0.1:9/eurofxref-daily.xml', DATABASE_URL: database.url })
const { bootPayload } = await import('./boot')
const { DEFAULT_DARK, DEFAULT_LIGHT } = await import('../plugins/themes')
const { payload, rest } = await bootPayload()

const themes: { etag: string; id: number; slug: string }[] = []
for (let index = 0; index < STUDIOS; index++) {
  const tenant = await payload.create({
    collection: 'tenants',
    data: { name: `Bench ${index}`, defaultCurrency: 'EUR', defaultLocale: 'en', slug: `bench-${index}`, status: 'active', timezone: 'UTC' },
  })
  const primary = `#${(0x100000 + index * 977).toString(16).slice(-6)}`
  const theme = await payload.create({ collection: 'themes', data: { dark: DEFAULT_DARK, isDefault: true, light: { ...DEFAULT_LIGHT, accent: primary }, name: `Theme ${index}`, tenant: tenant.id } })
  themes.push({ etag: '', id: theme.id, slug: tenant.slug })
}

const ask = async (index: number, withEtag: boolean) => {
  const theme = themes[index % STUDIOS]!
  const response = await rest.get(`/themes/${theme.id}/css?tenant=${theme.slug}`, { headers: withEtag && theme.etag ? { 'If-None-Match': theme.etag } : {} })
  await response.arrayBuffer()
  const expected = withEtag ? 304 : 200
  if (response.status !== expected) throw new Error(`css answered ${response.status}, expected ${expected}`)
  theme.etag = response.headers.get('etag') ?? ''
}
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(3)), p99: Number(percentile(values, 99).toFixed(3)), samples: values.length })

for (let index = 0; index < 500; index++) await ask(index, false) // warm-up; every theme's ETag known
const full: number[] = []
const notModified: number[] = []
for (let index = 0; index < SAMPLES; index++) {
  full.push(await timed(() => ask(index, false)))
  notModified.push(await timed(() => ask(index, true)))
}
console.log(JSON.stringify({ routeHandlerMs: { full: figures(full), notModified: figures(notModified) }, studios: STUDIOS }, null, 1))
await payload.destroy()
await database.drop()
process.exit(0)
