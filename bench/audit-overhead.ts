// The audit hooks' cost on a create: the same creates with the hook skipped and with it, in one run,
// alternating rounds so that drift in the machine hits both alike. Two subjects: a tenant (the
// lightest create there is, a few queries) and a media upload (a typical content create).
// Run: npx tsx bench/audit-overhead.ts
import { benchDatabase } from './database'

const ROUNDS = 6
const PER_ROUND = 100
const database = await benchDatabase()
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'warn', DATABASE_URL: database.url })
const { bootPayload } = await import('./boot')
const { payload } = await bootPayload()

const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', defaultCurrency: 'EUR', defaultLocale: 'en', slug: 'bench', status: 'active', timezone: 'UTC' } })
const user = await payload.create({ collection: 'users', data: { email: 'bench@atelier.test', password: 'bench-password', tenants: [{ role: 'owner', tenant: tenant.id }] } })
let counter = 0

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const subjects = {
  media: (context: Record<string, unknown>) =>
    payload.create({
      collection: 'media',
      context,
      data: { alt: `Picture ${++counter}`, tenant: tenant.id },
      file: { data: png, mimetype: 'image/png', name: `picture-${counter}.png`, size: png.length },
      overrideAccess: true,
      user,
    }),
  tenant: (context: Record<string, unknown>) =>
    payload.create({
      collection: 'tenants',
      context,
      data: { name: `Studio ${++counter}`, defaultCurrency: 'EUR', defaultLocale: 'en', slug: `studio-${counter}`, status: 'active', timezone: 'Europe/Paris' },
      overrideAccess: true,
      user,
    }),
}

async function round(create: (context: Record<string, unknown>) => Promise<unknown>, audited: boolean): Promise<number> {
  const started = performance.now()
  for (let index = 0; index < PER_ROUND; index++) await create(audited ? {} : { skipAudit: true })
  return performance.now() - started
}

const results: Record<string, unknown> = {}
for (const [name, create] of Object.entries(subjects)) {
  await round(create, true) // warm-up
  await round(create, false)
  const totals = { audited: 0, skipped: 0 }
  for (let index = 0; index < ROUNDS; index++) {
    totals.skipped += await round(create, false)
    totals.audited += await round(create, true)
  }
  const perCreate = (ms: number) => Number((ms / (ROUNDS * PER_ROUND)).toFixed(2))
  results[name] = {
    creates: ROUNDS * PER_ROUND,
    msPerCreateAudited: perCreate(totals.audited),
    msPerCreateWithoutAudit: perCreate(totals.skipped),
    overheadPercent: Number(((totals.audited / totals.skipped - 1) * 100).toFixed(1)),
  }
}
console.log(JSON.stringify(results))
await payload.destroy()
await database.drop()
process.exit(0)
