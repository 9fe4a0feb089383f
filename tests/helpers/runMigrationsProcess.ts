// A process that boots Payload on DATABASE_URL, prints "ready", and runs runMigrations once it reads a line on
// stdin: several of them, told at once, start their migrations together, as nodes starting together would.
import { getPayload } from 'payload'

import config from '../../payload.config'
import { runMigrations } from '../../utilities/runMigrations'

const payload = await getPayload({ config })
process.stdout.write('ready\n')
await new Promise((resolve) => process.stdin.once('data', resolve))
await runMigrations(payload)
process.stdout.write('migrated\n')
await payload.destroy()
process.exit(0)
