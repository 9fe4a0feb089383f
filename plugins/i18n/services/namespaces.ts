/** Where UI strings live: the public booking pages, and the emails. */
export const NAMESPACES = ['booking-page', 'emails'] as const
export type Namespace = (typeof NAMESPACES)[number]
