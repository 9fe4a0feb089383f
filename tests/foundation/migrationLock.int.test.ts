// Migrations under a lock (issue 20): two processes booted on one fresh database and told to migrate at the
// same moment both succeed, and each migration is applied once. Without the lock both ran the first
// migration, and the loser's failure ended its process (Payload exits 1 on a failed migration).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { migrations } from '../../migrations'
import { databaseUrl } from '../../utilities/embeddedPostgres'

type Migrator = { exit: Promise<null | number>; go: () => void; output: () => string; ready: Promise<void> }

// Node 20 exits 13 now and then under load, before the entry runs, when tsx's loader leaves its top-level await
// unsettled (as tests/helpers/workerProcess.ts): such a start is tried again.
const NODE_LOADER_EXIT = 13

function startMigratorOnce(url: string): Migrator {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/runMigrationsProcess.ts'], {
    env: { ...process.env, ATELIER_LOG_LEVEL: 'info', DATABASE_URL: url, REDIS_URL: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const exit = new Promise<null | number>((resolve) => child.on('exit', (code) => resolve(code)))
  let readyNow: () => void = () => {}
  const ready = new Promise<void>((resolve) => (readyNow = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (output.includes('ready\n')) readyNow()
  })
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { exit, go: () => child.stdin.write('go\n'), output: () => output, ready }
}

async function startMigrator(url: string, attempts = 3): Promise<Migrator> {
  for (let attempt = 1; ; attempt++) {
    const migrator = startMigratorOnce(url)
    // Whichever comes first: a migrator waits for "go" once ready, so it cannot exit after printing it.
    const code = await Promise.race([migrator.ready.then(() => 'ready' as const), migrator.exit])
    if (code === 'ready') return migrator
    if (code !== NODE_LOADER_EXIT || attempt === attempts) throw new Error(`Exited (${code}) before it was ready:\n${migrator.output()}`)
  }
}

describe('migrations across nodes', () => {
  const serverUrl = inject('databaseServerUrl')
  const name = `${inject('testRunId')}_migrations_${randomBytes(3).toString('hex')}`
  const admin = () => new pg.Client({ connectionString: serverUrl })

  afterAll(async () => {
    const client = admin()
    await client.connect()
    await client.query(`drop database if exists "${name}" with (force)`)
    await client.end()
  })

  it('two processes migrating one fresh database at once both succeed; each migration is applied once', async () => {
    const client = admin()
    await client.connect()
    await client.query(`create database "${name}"`)
    await client.end()
    const url = databaseUrl(serverUrl, name)

    const nodes = await Promise.all([startMigrator(url), startMigrator(url)])
    for (const node of nodes) node.go()
    const codes = await Promise.all(nodes.map((node) => node.exit))
    expect(codes, nodes.map((node) => node.output()).join('\n----\n')).toEqual([0, 0])
    // One of them ran every migration; the other waited for the lock, then had nothing left to run.
    const ran = nodes.map((node) => (node.output().match(/Migrated: /g) ?? []).length).sort((a, b) => a - b)
    expect(ran).toEqual([0, migrations.length])

    const database = new pg.Client({ connectionString: url })
    await database.connect()
    try {
      const { rows } = await database.query<{ count: number; name: string }>('select name, count(*)::int as count from payload_migrations group by name order by name')
      expect(rows).toEqual(migrations.map((migration) => ({ count: 1, name: migration.name })).sort((a, b) => a.name.localeCompare(b.name)))
    } finally {
      await database.end()
    }
  }, 240_000)
})
