// Run before every test file. A worker runs its files one after another in one process (vitest.config.ts,
// `isolate: false`): each file leaves the environment as it found it, and the process's caches empty.
import { afterAll } from 'vitest'

import { forgetProcessCaches } from '../../utilities/processCaches'

const environmentAtStart = { ...process.env }

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in environmentAtStart)) delete process.env[name]
  Object.assign(process.env, environmentAtStart)
  forgetProcessCaches()
})
