// Payload on a throwaway database, for benchmarks. Import dynamically once DATABASE_URL is set (see
// scripts/prepare.ts for why the whole graph loads through one import under tsx).
import { getPayload } from 'payload'

import config from '../payload.config'
import { RestClient } from '../tests/helpers/rest'
import { runMigrations } from '../utilities/runMigrations'

export async function bootPayload() {
  const payload = await getPayload({ config })
  await runMigrations(payload)
  return { payload, rest: new RestClient(config) }
}
