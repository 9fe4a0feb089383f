// What this process keeps of its database and environment between requests. A server serves one database for its
// whole life; a test worker runs one test file after another, each on its own database, and empties these between
// files (tests/helpers/payload.ts), so that no file sees what the previous one read.
const forgetters = new Set<() => void>()

/** Runs `forget` whenever the process's caches are emptied. */
export function onForgetProcessCaches(forget: () => void): void {
  forgetters.add(forget)
}

/** A Map that `forgetProcessCaches` empties. */
export function processCache<Key, Value>(): Map<Key, Value> {
  const map = new Map<Key, Value>()
  onForgetProcessCaches(() => map.clear())
  return map
}

export function forgetProcessCaches(): void {
  for (const forget of forgetters) forget()
}
