// The README's spec examples, one per source, are specs the compiler accepts: the documentation cannot drift.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { compileReport } from '../../plugins/reports/services/compile'
import { SOURCES } from '../../plugins/reports/services/sources'
import { reportSpecSchema } from '../../plugins/reports/services/spec'

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
const block = /### Report specs[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
const examples = block.split('\n').filter((line) => line.trim().startsWith('{'))

describe('README: report spec examples', () => {
  it('has one example per source', () => {
    expect(examples.map((line) => (JSON.parse(line) as { source: string }).source).sort()).toEqual(Object.keys(SOURCES).sort())
  })

  it('converts a room’s rate at today’s rates', () => {
    const spec = reportSpecSchema.parse({ currency: 'USD', fields: ['name', 'hourlyRate'], source: 'rooms' })
    const compiled = compileReport(spec, { personal: false, source: SOURCES.rooms!, tenant: { id: 1, name: 'Studio', timezone: 'Europe/Paris' } })
    expect(compiled.columns.find((column) => column.key === 'hourlyRate')).toMatchObject({ currency: 'USD', type: 'money' })
  })

  it.each(examples)('compiles %s', (line) => {
    const spec = reportSpecSchema.parse(JSON.parse(line))
    const compiled = compileReport(spec, { personal: false, source: SOURCES[spec.source]!, tenant: { id: 1, name: 'Studio', timezone: 'Europe/Paris' } })
    expect(compiled.columns.length).toBeGreaterThan(0)
  })
})
