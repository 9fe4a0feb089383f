// Parses the ECB's daily reference rates file (eurofxref-daily.xml). Pure: no fetch, no database. Rates stay
// the exact decimal strings the ECB wrote; a number would round them before any conversion does.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

export type EcbDay = {
  /** YYYY-MM-DD, the ECB's publication day. */
  date: string
  /** Code -> units per 1 EUR, the exact decimal string as published. EUR itself is not listed. */
  rates: Record<string, string>
}

export class RatesParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RatesParseError'
  }
}

const POSITIVE_DECIMAL = /^\d+(\.\d+)?$/

const rateEntry = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'is not a three-letter uppercase code'),
  rate: z
    .string()
    .regex(POSITIVE_DECIMAL, 'is not a positive decimal')
    .refine((rate) => /[1-9]/.test(rate), 'is zero'),
})

const daySchema = z.object({
  date: z.iso.date('is not a real calendar date (YYYY-MM-DD)'),
  rates: z.array(rateEntry).min(1, 'lists no currency'),
})

// Attribute values stay strings (parseAttributeValue false): '1.0510' must not become 1.051. Every Cube is an
// array so that one currency and many look alike. Entities are not needed and not expanded.
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'Cube',
  parseAttributeValue: false,
  processEntities: false,
  removeNSPrefix: true,
})

type Cube = { '@_currency'?: unknown; '@_rate'?: unknown; '@_time'?: unknown; Cube?: Cube[] }

const describeValue = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : String(value))

/** Names the first problem zod found, with the currency it concerns. */
function firstIssue(error: z.ZodError, input: { date: unknown; rates: { currency: unknown; rate: unknown }[] }): string {
  const issue = error.issues[0]!
  const [section, index, field] = issue.path
  if (section === 'date') return `date ${describeValue(input.date)} ${issue.message}`
  if (section === 'rates' && typeof index === 'number') {
    const entry = input.rates[index]!
    if (field === 'currency') return `currency ${describeValue(entry.currency)} ${issue.message}`
    return `rate of ${describeValue(entry.currency)} (${describeValue(entry.rate)}) ${issue.message}`
  }
  return `the day ${issue.message}`
}

/**
 * The one day of the ECB daily file. Throws RatesParseError when the file is not well-formed XML, has no
 * dated day or more than one, or a bad date, code or rate, a currency twice, or lacks a `required` code.
 */
export function parseEcbDaily(xml: string, { required = [] }: { required?: string[] } = {}): EcbDay {
  const validation = XMLValidator.validate(xml)
  if (validation !== true) {
    throw new RatesParseError(`The rates file is not well-formed XML: ${validation.err.msg} (line ${validation.err.line}).`)
  }
  const document = parser.parse(xml) as { Envelope?: { Cube?: Cube[] } }
  const outer = document.Envelope?.Cube ?? []
  const days = outer.flatMap((cube) => cube.Cube ?? []).filter((cube) => cube['@_time'] !== undefined)
  if (days.length === 0) throw new RatesParseError('The rates file has no dated Cube (no day of rates).')
  // The daily file publishes exactly one day; several means another file (the 90-day history) was served.
  if (days.length > 1) throw new RatesParseError(`The rates file has ${days.length} days; the daily file has one.`)

  const day = days[0]!
  const input = {
    date: day['@_time'],
    rates: (day.Cube ?? []).map((cube) => ({ currency: cube['@_currency'], rate: cube['@_rate'] })),
  }
  const parsed = daySchema.safeParse(input)
  if (!parsed.success) throw new RatesParseError(`The rates file is invalid: ${firstIssue(parsed.error, input)}.`)

  const rates: Record<string, string> = {}
  for (const { currency, rate } of parsed.data.rates) {
    // EUR is the base (1 by definition); a rate for it means the file is not what we think it is.
    if (currency === 'EUR') throw new RatesParseError('The rates file lists EUR, the base currency.')
    if (Object.hasOwn(rates, currency)) throw new RatesParseError(`The rates file lists currency ${currency} twice.`)
    rates[currency] = rate
  }
  const missing = required.filter((code) => code !== 'EUR' && !Object.hasOwn(rates, code))
  if (missing.length > 0) throw new RatesParseError(`The rates file is missing currency ${missing.join(', ')}.`)

  return { date: parsed.data.date, rates }
}
