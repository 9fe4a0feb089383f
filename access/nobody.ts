/**
 * Refuses everyone, as collection or field access: for what only trusted server code (overrideAccess)
 * reads or writes.
 */
export const nobody = (): false => false
