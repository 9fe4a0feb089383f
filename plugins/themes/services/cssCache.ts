// Stylesheets already answered, kept a minute in this process: the booking page asks for one on every
// visit. Forgotten at once when a theme changes on this node; another node's change shows within the
// minute (and browsers keep the sheet five minutes anyway, Cache-Control).
import { processCache } from '../../../utilities/processCaches'

export type ServedCss = { body: string; etag: string }

const TTL_MS = 60_000
const MAX_ENTRIES = 1_000
const served = processCache<string, { at: number; css: Promise<ServedCss> }>()

export const forgetThemeCss = (): void => served.clear()

/** The stylesheet for `key` (host, studio and theme), computed by `make` when not held; a failure is not kept. */
export function cachedCss(key: string, make: () => Promise<ServedCss>): Promise<ServedCss> {
  const held = served.get(key)
  if (held && Date.now() - held.at < TTL_MS) return held.css
  if (served.size >= MAX_ENTRIES) served.delete(served.keys().next().value as string)
  const css = make().catch((error: unknown) => {
    served.delete(key)
    throw error
  })
  served.set(key, { at: Date.now(), css })
  return css
}
