// The download's name: the title as an ASCII slug plus the period, safe as a Content-Disposition filename.
import type { ReportFormat, ReportMeta } from '../types'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const MAX_SLUG_LENGTH = 80
// Letters that Unicode decomposition does not reduce to ASCII.
const FOLDED_LETTERS: Record<string, string> = { æ: 'ae', đ: 'd', ð: 'd', ł: 'l', ø: 'o', œ: 'oe', ß: 'ss', þ: 'th' }

/** "Revenue by month (€)" → "revenue-by-month"; accents folded ("Café" → "cafe"); "report" when nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[æđðłøœßþ]/g, (letter) => FOLDED_LETTERS[letter] ?? '-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '')
  return slug || 'report'
}

/** The last day a period covers: `to` is exclusive, so the day before it (never before `from`). */
export function lastDayOf(period: { from: string; to: string }): string {
  if (!ISO_DAY.test(period.to)) return period.to
  const day = new Date(`${period.to}T00:00:00Z`)
  if (Number.isNaN(day.getTime())) return period.to
  day.setUTCDate(day.getUTCDate() - 1)
  const last = day.toISOString().slice(0, 10)
  return last < period.from ? period.from : last
}

/** "revenue-by-month_2026-01-01_2026-12-31.xlsx", or "…_all-time.csv" for an unbounded period. */
export function reportFileName(meta: ReportMeta, format: ReportFormat): string {
  const period = meta.period ? `${meta.period.from}_${lastDayOf(meta.period)}` : 'all-time'
  // The period comes from a validated spec; still, nothing but these characters reaches a header.
  return `${slugify(meta.title)}_${period.replace(/[^0-9a-z_-]+/gi, '-')}.${format}`
}
