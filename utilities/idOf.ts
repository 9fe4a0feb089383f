/** The id of a relationship value, whether it arrived as an id or as the populated document. */
export const idOf = <Id extends number | string>(value: Id | { id: Id }): Id =>
  typeof value === 'object' && value !== null ? value.id : value
