// Figures kept in process per studio and per view (what the caller may see) for a short time: the
// dashboard is opened often and its aggregates cost a few queries. Each node keeps its own for at most
// its TTL (30 s by default), so a change shows everywhere within that.

/** Unknown keys cannot grow it: keys are studios × permission views, bounded anyway. */
export const DASHBOARD_CACHE_MAX_ENTRIES = 2_000

/** One entry per studio (or 'all') and set of parts the caller may see: callers who see the same parts share it. */
export const dashboardCacheKey = (tenantId: null | number, visible: Record<string, boolean>): string =>
  `${tenantId ?? 'all'}:${Object.keys(visible)
    .filter((part) => visible[part])
    .sort()
    .join(',')}`

export class TimedCache<T> {
  private readonly entries = new Map<string, { expiresAt: number; value: T }>()
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = DASHBOARD_CACHE_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: string, value: T): void {
    this.entries.delete(key)
    // A Map iterates in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { expiresAt: this.now() + this.ttlMs, value })
  }

  clear(): void {
    this.entries.clear()
  }
}
