/** The id of a relationship value, whether it arrived as an id or as the populated document. */
export const idOf = (value: unknown): number =>
  (typeof value === 'object' && value !== null ? (value as { id: number }).id : value) as number
