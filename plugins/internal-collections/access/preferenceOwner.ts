// A person's admin preferences (columns, filters, collapsed fields) are theirs alone, as Payload already
// has it for read and delete.
import type { Access } from 'payload'

export const preferenceOwner: Access = ({ req }) => {
  if (!req.user) return false
  return { 'user.relationTo': { equals: req.user.collection }, 'user.value': { equals: req.user.id } }
}
