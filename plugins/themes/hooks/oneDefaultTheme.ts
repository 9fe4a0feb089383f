import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../../utilities/idOf'

/** Making a theme the default makes the studio's previous default an ordinary theme, in the same transaction. */
export const oneDefaultTheme: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const tenant = data.tenant ?? originalDoc?.tenant
  if (data.isDefault !== true || originalDoc?.isDefault === true || !tenant) return data
  const others = originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []
  await req.payload.update({
    collection: 'themes',
    data: { isDefault: false },
    depth: 0,
    overrideAccess: true,
    req,
    where: { and: [{ tenant: { equals: idOf(tenant) } }, { isDefault: { equals: true } }, ...others] },
  })
  return data
}
