// The embedded PostgreSQL launcher: a failed start says what PostgreSQL logged, and the one transient
// cause seen after test runs (a killed server's postmaster.pid naming a PID that another process now has)
// is cleared and retried.
import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { classifyStartFailure, LogTail, startEmbeddedPostgres } from '../../utilities/embeddedPostgres'
import { freePort } from '../../utilities/freePort'

describe('embedded PostgreSQL start', () => {
  it('keeps the last lines of the log, bounded', () => {
    const tail = new LogTail(3)
    tail.add('one\ntwo\n')
    tail.add('three\nfour\n\n')
    expect(tail.text()).toBe('two\nthree\nfour')
  })

  it('tells a stale lock and a taken port from other failures', () => {
    expect(classifyStartFailure('FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running')).toBe('stale_lock')
    expect(classifyStartFailure('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use')).toBe('port_in_use')
    expect(classifyStartFailure('FATAL:  data directory has wrong ownership')).toBe('other')
  })

  describe('with a real server', () => {
    let runDir = ''
    // Made before any test, so that each one has it whatever order they run in.
    beforeAll(async () => {
      runDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-pg-start-'))
      // As root the server runs as the `postgres` OS user, which must be able to enter this folder.
      await chmod(runDir, 0o755)
    })
    afterAll(async () => {
      if (runDir) await rm(runDir, { force: true, recursive: true })
    })

    it('starts over a postmaster.pid left by a killed server whose PID is now another process', async () => {
      const dataDir = path.join(runDir, 'data')
      const port = await freePort()
      await startEmbeddedPostgres({ dataDir, persistent: true, port })
      const lock = path.join(dataDir, 'postmaster.pid')
      const [postmasterPid, ...rest] = (await readFile(lock, 'utf8')).split('\n')
      // A crash: no shutdown, the lock file stays. Then its PID is reused by a live process (this one).
      execFileSync('kill', ['-9', postmasterPid!])
      await new Promise((resolve) => setTimeout(resolve, 500))
      await writeFile(lock, [String(process.pid), ...rest].join('\n'))
      const second = await startEmbeddedPostgres({ dataDir, persistent: true, port })
      await second.stop()
    }, 60_000)

    it('fails with PostgreSQL’s own words when the data directory is unusable', async () => {
      const dataDir = path.join(runDir, 'broken')
      const port = await freePort()
      const server = await startEmbeddedPostgres({ dataDir, persistent: true, port })
      await server.stop()
      await writeFile(path.join(dataDir, 'PG_VERSION'), '9\n')
      await expect(startEmbeddedPostgres({ dataDir, persistent: true, port })).rejects.toThrow(/last log lines:[\s\S]*(incompatible|version)/i)
    }, 60_000)
  })
})
