// The embedded PostgreSQL launcher when its first start fails: a taken port moves it to a free one, a
// postmaster.pid naming somebody else's live PID is cleared, a server already running on the same data
// directory is left alone, and every failure quotes what PostgreSQL logged.
import { execFileSync, spawn } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { classifyStartFailure, type EmbeddedDatabase, startEmbeddedPostgres, startFailureMessage } from '../../utilities/embeddedPostgres'
import { freePort } from '../../utilities/freePort'

const selectOne = async (serverUrl: string) => {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return (await client.query<{ one: number }>('select 1 as one')).rows[0]?.one
  } finally {
    await client.end()
  }
}

/** A process that lives as the user PostgreSQL runs as (the `postgres` OS user when we are root). */
function sleeperAsServerUser() {
  const asPostgres = process.getuid?.() === 0
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }))
  return spawn('sleep', ['120'], asPostgres ? { gid: id('-g'), uid: id('-u') } : {})
}

describe('a failed start of the embedded PostgreSQL', () => {
  it('says what PostgreSQL logged, never a bare "undefined"', () => {
    const log = 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets'
    expect(startFailureMessage({ cause: undefined, log, port: 54329, tries: 1 })).toBe(
      `Embedded PostgreSQL did not start on port 54329. Its last log lines:\n${log}`,
    )
    expect(startFailureMessage({ cause: new Error('Postgres cannot run as a root user.'), log: '', port: 5, tries: 2 })).toBe(
      'Embedded PostgreSQL did not start on port 5, tried 2 times (Postgres cannot run as a root user.). Its last log lines:\n(none)',
    )
    expect(classifyStartFailure('FATAL:  pre-existing shared memory block (key 2220049, ID 98365) is still in use')).toBe('shared_memory_in_use')
  })

  describe('with real servers', () => {
    let runDir = ''
    beforeAll(async () => {
      runDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-pg-retry-'))
      // As root the server runs as the `postgres` OS user, which must be able to enter this folder.
      await chmod(runDir, 0o755)
    })
    afterAll(async () => {
      if (runDir) await rm(runDir, { force: true, recursive: true })
    })

    // One data directory for all (initdb is the slow part), kept between the tests.
    const dataDir = () => path.join(runDir, 'data')
    const lockFile = () => path.join(dataDir(), 'postmaster.pid')

    it('moves to a free port when its port is taken by a listening socket', async () => {
      const taken = await freePort()
      const squatter = net.createServer()
      await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve))
      let server: EmbeddedDatabase | undefined
      try {
        server = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, port: taken })
        expect(server.port).not.toBe(taken)
        expect(new URL(server.serverUrl).port).toBe(String(server.port))
        expect(await selectOne(server.serverUrl)).toBe(1)
      } finally {
        await server?.stop()
        squatter.close()
      }
    }, 60_000)

    it('leaves a server already running on it alone, and says why it cannot start', async () => {
      const port = await freePort()
      const running = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, port })
      try {
        // The running server's own lines of its lock file; its last, the status, it moves on to "ready" by itself.
        const serverLines = async () => (await readFile(lockFile(), 'utf8')).split('\n').slice(0, 7).join('\n')
        const lock = await serverLines()
        await expect(startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, port: await freePort() })).rejects.toThrow(
          /did not start on port \d+\. Its last log lines:[\s\S]*lock file "postmaster\.pid" already exists/,
        )
        expect(await serverLines()).toBe(lock)
        expect(await selectOne(running.serverUrl)).toBe(1)
      } finally {
        await running.stop()
      }
    }, 60_000)

    it('clears a postmaster.pid naming a PID that a live process of the same user now has', async () => {
      // What a killed server leaves once its PID is reused: PostgreSQL alone refuses to start over it.
      const port = await freePort()
      const first = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, port })
      const lock = await readFile(lockFile(), 'utf8')
      await first.stop()
      const sleeper = sleeperAsServerUser()
      try {
        await writeFile(lockFile(), [String(sleeper.pid), ...lock.split('\n').slice(1)].join('\n'))
        const second = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, port })
        try {
          expect((await readFile(lockFile(), 'utf8')).split('\n')[0]).not.toBe(String(sleeper.pid))
          expect(await selectOne(second.serverUrl)).toBe(1)
        } finally {
          await second.stop()
        }
      } finally {
        sleeper.kill()
      }
    }, 60_000)
  })
})
