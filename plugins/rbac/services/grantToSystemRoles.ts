// For migrations: add permissions to system roles with plain SQL. A Local API update would run against
// the collections of today's code (e.g. the document-lock check joins columns later migrations add), so
// a migration that used it would break as soon as the schema moves on.
import { randomBytes } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'

import type { Executor } from '../../../utilities/transactionDb'

export type SystemRoleGrants = Record<string, { actions: string[]; resource: string }[]>

/** Appends each role's new `{ resource, actions }` rows after its existing ones (as Payload stores arrays). */
export async function grantToSystemRoles(db: Executor, grants: SystemRoleGrants): Promise<void> {
  for (const [slug, permissions] of Object.entries(grants)) {
    const roles = (await db.execute(sql`select id from roles where slug = ${slug} and tenant_id is null`)) as { rows: { id: number }[] }
    const role = roles.rows[0]
    if (!role) continue
    const counted = (await db.execute(sql`select count(*)::int as n from roles_permissions where _parent_id = ${role.id}`)) as { rows: { n: number }[] }
    let index = counted.rows[0]?.n ?? 0
    for (const { actions, resource } of permissions) {
      await db.execute(sql`insert into roles_permissions (_order, _parent_id, id, resource) values (${index + 1}, ${role.id}, ${randomBytes(12).toString('hex')}, ${resource})`)
      for (const [position, action] of actions.entries()) {
        await db.execute(sql`insert into roles_texts ("order", parent_id, path, text) values (${position + 1}, ${role.id}, ${`permissions.${index}.actions`}, ${action})`)
      }
      index += 1
    }
  }
}
