// How the cost of each request grows with a studio's history (issue 21): the same requests over HTTP on the
// app's route handlers, against 1,000 and 1,000,000 bookings in each of two studios (with sessions, payments and
// audit entries in proportion: 200,000 sessions and 1,000,000 audit entries in all at the large scale), seeded
// with generate_series. Prints one markdown table of p50/p99 per request at both scales and their ratio.
//
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scale.ts
//   ATELIER_SCALE_DB=atelier_scale  keeps the seeded databases (atelier_scale_1k, atelier_scale_1m) between
//                                   runs: a second run migrates them to the current schema and only measures.
//   ATELIER_SCALE_ONLY=1000000      one phase only (its table column for the other scale stays empty).
//   ATELIER_SCALE_SAMPLES=200       sequential requests timed per figure (after 10 warm-ups); creates: 50.
// Without DATABASE_URL an embedded server is started and the databases are dropped at the end.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { createThrowawayDatabase, dropDatabase, startTemporaryPostgres } from '../tests/helpers/databaseServer'
import { databaseUrl } from '../utilities/embeddedPostgres'

const SCALES = [
  { label: '1k', rows: 1_000 },
  { label: '1m', rows: 1_000_000 },
] as const

const keep = process.env.ATELIER_SCALE_DB
const only = process.env.ATELIER_SCALE_ONLY ? Number(process.env.ATELIER_SCALE_ONLY) : undefined
let serverUrl = process.env.DATABASE_URL
let stopServer = async () => {}
if (!serverUrl) {
  if (keep) throw new Error('ATELIER_SCALE_DB needs DATABASE_URL: an embedded server does not outlive the run')
  const embedded = await startTemporaryPostgres()
  serverUrl = embedded.serverUrl
  stopServer = embedded.stop
}

async function keptDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`)
  } finally {
    await client.end()
  }
  return databaseUrl(serverUrl!, name)
}

const workDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-scale-'))
const figures: Record<string, Record<string, number[]>> = {}
const dropped: string[] = []
for (const scale of SCALES) {
  if (only !== undefined && only !== scale.rows) continue
  let url: string
  if (keep) url = await keptDatabase(`${keep}_${scale.label}`)
  else {
    const database = await createThrowawayDatabase(serverUrl, 'atelier_scale')
    url = database.url
    dropped.push(database.name)
  }
  const out = path.join(workDir, `${scale.label}.json`)
  const started = performance.now()
  const code = await new Promise<null | number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'scalePhase.ts')], {
      env: { ...process.env, ATELIER_SCALE_OUT: out, ATELIER_SCALE_ROWS: String(scale.rows), DATABASE_URL: url },
      stdio: 'inherit',
    })
    child.on('exit', resolve)
  })
  if (code !== 0) throw new Error(`the ${scale.rows} phase exited with ${code}`)
  console.log(`[${scale.rows.toLocaleString('en')}] phase took ${((performance.now() - started) / 1000).toFixed(0)} s`)
  figures[scale.label] = JSON.parse(await readFile(out, 'utf8')) as Record<string, number[]>
}

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const cell = (times: number[] | undefined) => (times ? `${percentile(times, 50).toFixed(1)} / ${percentile(times, 99).toFixed(1)} ms` : '')
const ratio = (small: number[] | undefined, large: number[] | undefined) =>
  small && large ? `${(percentile(large, 50) / percentile(small, 50)).toFixed(1)}× / ${(percentile(large, 99) / percentile(small, 99)).toFixed(1)}×` : ''

const names = Object.keys(figures['1k'] ?? figures['1m'] ?? {})
const samples = (figures['1k'] ?? figures['1m'])?.[names[0]!]?.length
console.log(`\n${samples} sequential requests per figure after 10 warm-ups (creates: ${(figures['1k'] ?? figures['1m'])?.['public booking create']?.length}), ${new Date().toISOString()}\n`)
console.log('| request | p50 / p99 at 1,000 | p50 / p99 at 1,000,000 | ratio p50 / p99 |')
console.log('|---|---|---|---|')
for (const name of names) console.log(`| ${name} | ${cell(figures['1k']?.[name])} | ${cell(figures['1m']?.[name])} | ${ratio(figures['1k']?.[name], figures['1m']?.[name])} |`)

await rm(workDir, { force: true, recursive: true })
for (const name of dropped) await dropDatabase(serverUrl, name)
await stopServer()
process.exit(0)
