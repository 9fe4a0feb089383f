export type DashboardPluginOptions = {
  /** How long one studio's figures are kept in process before they are computed again. @default 30000 */
  cacheMs?: number
  /** @default true */
  enabled?: boolean
  /** Calendar feed fetches per client IP a minute, as the other public endpoints (ATELIER_PUBLIC_RATE_LIMIT). @default 60 */
  feedRateLimit?: number
}

/** An amount in minor units of `currency` (ISO 4217). */
export type Money = { amount: number; currency: string }

/**
 * GET /api/dashboard?tenant=: one studio's figures (or every studio's, for a super admin naming none).
 * A figure or chart the caller may not read (no read permission on its collection there) is null.
 * Days, weeks (Monday to Sunday) and months are the studio's, in its timezone.
 */
export type DashboardAnswer = {
  charts: {
    /** The last 30 days, today included, oldest first; days with no booking count 0. By booking start. */
    bookingsPerDay: { count: number; date: string }[] | null
    /** This week's booked minutes against opening minutes, per active room. */
    occupancyByRoom: { bookedMinutes: number; openMinutes: number; ratio: number; room: { id: number; name: string } }[] | null
    /** The last 12 months, this one included, oldest first: paid deposits and payments minus refunds. */
    revenuePerMonth: { amounts: Money[]; month: string }[] | null
  }
  figures: {
    bookingsThisWeek: null | number
    bookingsToday: null | number
    /** Members per tenant role (owner, admin, staff, editor, artist). */
    members: null | { byRole: Record<string, number>; total: number }
    /** Share of this week's opening minutes that blocking bookings fill, 0 to 1. */
    occupancyThisWeek: null | number
    /** Bookings waiting for staff: status `pending`. */
    pendingBookings: null | number
    /** Paid deposits and payments minus refunds this month, one entry per currency. */
    revenueThisMonth: Money[] | null
    rooms: null | number
    /** Sessions whose time span contains now, not cancelled. */
    sessionsNow: null | number
  }
  generatedAt: string
  /** Admin list URLs behind each figure (filtered to the studio and the figure's condition). */
  links: Partial<Record<keyof DashboardAnswer['figures'], string>>
  /** null: every studio (super admins only). */
  tenant: null | { currency: string; id: number; name: string; slug: string; timezone: string }
}
