// Before the web server starts: apply migrations, create the super admin, seed the demo when asked.
// Import this module dynamically, once DATABASE_URL is set: the config reads it when it loads. It
// must be the only path that loads Payload in the launcher: a static import of part of Payload's
// graph followed by a dynamic import of the rest intermittently deadlocks tsx's loader on Node 20.
import { getPayload } from 'payload'

import type { AtelierEnv } from '../utilities/env'

import config from '../payload.config'
import { ensureSuperAdmin, isDatabaseEmpty, seedDemo } from '../seed'
import { runMigrations } from '../utilities/runMigrations'

export type PrepareOptions = {
  /** Seed the demo studios: always, or only into an empty database. */
  seedDemo: 'always' | 'if-empty' | 'never'
}

export async function prepareDatabase(env: AtelierEnv, options: PrepareOptions): Promise<void> {
  const payload = await getPayload({ config })
  try {
    await runMigrations(payload)
    const wasEmpty = await isDatabaseEmpty(payload)

    if (env.adminEmail && env.adminPassword) {
      if (await ensureSuperAdmin(payload, env.adminEmail, env.adminPassword)) {
        console.log(`[atelier] Created the super admin ${env.adminEmail}`)
      }
    } else if (wasEmpty) {
      throw new Error('The database is empty: set ATELIER_ADMIN_EMAIL and ATELIER_ADMIN_PASSWORD to create the super admin.')
    }

    const wantsDemo = options.seedDemo === 'always' || (options.seedDemo === 'if-empty' && wasEmpty)
    if (wantsDemo) {
      if (!env.demoPassword) throw new Error('Set ATELIER_DEMO_PASSWORD to seed the demo studios in production.')
      const seeded = await seedDemo(payload, env.demoPassword)
      console.log(`[atelier] Demo: ${seeded.createdTenants} tenant(s), ${seeded.createdUsers} user(s), ${seeded.createdArtists} artist(s), ${seeded.createdRooms} room(s) and ${seeded.createdBookings} booking(s) created`)
    }
  } finally {
    await payload.destroy()
  }
}
