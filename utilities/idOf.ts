/** A relationship value as Payload hands it over: the id at depth 0, the document when populated. */
export type Relation<T extends { id: number } = { id: number }> = number | T

/** The id of a relationship value, whether it arrived as an id or as the populated document. */
export function idOf<Id extends number | string>(value: Id | { id: Id }): Id
/** An absent relationship (null or undefined) has no id: it comes back as it was. */
export function idOf<Id extends number | string, Absent extends null | undefined>(value: Absent | Id | { id: Id }): Absent | Id
export function idOf<Id extends number | string>(value: Id | null | undefined | { id: Id }): Id | null | undefined {
  return typeof value === 'object' && value !== null ? value.id : value
}
