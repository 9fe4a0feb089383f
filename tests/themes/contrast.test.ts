import { describe, expect, it } from 'vitest'

import {
  checkColourAgainst,
  checkModeContrast,
  contrastRatio,
  formatRatio,
  parseHex,
  relativeLuminance,
} from '../../plugins/themes/services/contrast'
import { DEFAULT_DARK, DEFAULT_LIGHT } from '../../plugins/themes/services/tokens'

describe('parseHex', () => {
  it('reads #rgb and #rrggbb in any case, short and long forms alike', () => {
    expect(parseHex('#fff')).toEqual({ b: 255, g: 255, r: 255 })
    expect(parseHex('#fff')).toEqual(parseHex('#ffffff'))
    expect(parseHex('#1D4ed8')).toEqual({ b: 216, g: 78, r: 29 })
    expect(parseHex('#A0b')).toEqual(parseHex('#aa00bb'))
  })

  it('refuses anything else', () => {
    for (const value of ['#ffff', 'fff', '#ggg', '#1234567', '', '#', ' #fff', '#fff ', 'white', '#ffffff80']) {
      expect(parseHex(value), value).toBeNull()
    }
  })
})

describe('contrastRatio', () => {
  it('gives 21:1 for black on white', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10)
    expect(formatRatio(contrastRatio('#000000', '#ffffff'))).toBe('21:1')
  })

  it('gives 1:1 for a colour on itself', () => {
    expect(contrastRatio('#1d4ed8', '#1D4ED8')).toBe(1)
  })

  it('fails #777 on white (≈4.48) and passes #767676 (≈4.54)', () => {
    const grey777 = contrastRatio('#777', '#fff')
    expect(grey777).toBeCloseTo(4.478, 3)
    expect(formatRatio(grey777)).toBe('4.47:1')
    expect(grey777).toBeLessThan(4.5)
    const grey767676 = contrastRatio('#767676', '#fff')
    expect(grey767676).toBeCloseTo(4.542, 3)
    expect(grey767676).toBeGreaterThanOrEqual(4.5)
  })

  it('treats #fff and #ffffff alike', () => {
    expect(contrastRatio('#fff', '#000')).toBe(contrastRatio('#ffffff', '#000000'))
    expect(relativeLuminance(parseHex('#fff')!)).toBe(1)
  })

  it('is symmetric', () => {
    for (const [first, second] of [['#777', '#fff'], ['#1d4ed8', '#ffffff'], ['#fca5a5', '#292524'], ['#000', '#000']]) {
      expect(contrastRatio(first!, second!)).toBe(contrastRatio(second!, first!))
    }
  })

  it('throws on a colour parseHex refuses', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(RangeError)
  })
})

describe('formatRatio', () => {
  it('truncates to two decimals, never rounding up across a threshold, and drops trailing zeros', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1')
    expect(formatRatio(4.478)).toBe('4.47:1')
    expect(formatRatio(4.5)).toBe('4.5:1')
    expect(formatRatio(2.9)).toBe('2.9:1')
    expect(formatRatio(2.849)).toBe('2.84:1')
    expect(formatRatio(21)).toBe('21:1')
    expect(formatRatio(1)).toBe('1:1')
  })

  it('never shows more than the ratio, even when ratio * 100 rounds up', () => {
    // The double just below 1.34, times 100, rounds to exactly 134.
    const justBelow = 1.3399999999999999
    expect(justBelow).toBeLessThan(1.34)
    expect(justBelow * 100).toBe(134)
    expect(formatRatio(justBelow)).toBe('1.33:1')
    expect(formatRatio(1.34)).toBe('1.34:1')
    expect(formatRatio(4.499999999999999)).toBe('4.49:1')
  })
})

describe('checkModeContrast', () => {
  it('passes every pair of the default light and dark themes', () => {
    expect(checkModeContrast(DEFAULT_LIGHT, 'light')).toEqual([])
    expect(checkModeContrast(DEFAULT_DARK, 'dark')).toEqual([])
  })

  it('reports a failing pair under its foreground field and mode', () => {
    const failures = checkModeContrast({ ...DEFAULT_LIGHT, surface: '#fff', text: '#999' }, 'light')
    expect(failures).toContainEqual({ found: '2.84:1', message: 'text on surface: 2.84:1, needs 4.5:1', needed: '4.5:1', path: 'light.text' })
  })

  it('names tokens as written and uses the mode it is given', () => {
    const failures = checkModeContrast({ ...DEFAULT_DARK, mutedText: '#57534e' }, 'dark')
    expect(failures.map((failure) => failure.path)).toEqual(['dark.mutedText'])
    expect(failures[0]!.message).toMatch(/^mutedText on surface: \d+(\.\d{1,2})?:1, needs 4\.5:1$/)
  })

  it('reports text once per background it fails on', () => {
    const failures = checkModeContrast({ ...DEFAULT_LIGHT, text: '#999' }, 'light')
    expect(failures.map((failure) => failure.message)).toEqual([
      `text on background: ${formatRatio(contrastRatio('#999', DEFAULT_LIGHT.background))}, needs 4.5:1`,
      'text on surface: 2.84:1, needs 4.5:1',
    ])
  })

  it('skips pairs with a colour the hex validation reports', () => {
    expect(checkModeContrast({ ...DEFAULT_LIGHT, surface: 'white', text: '#999' }, 'light').map((failure) => failure.message)).toEqual([
      `text on background: ${formatRatio(contrastRatio('#999', DEFAULT_LIGHT.background))}, needs 4.5:1`,
    ])
  })
})

describe('checkColourAgainst', () => {
  it('gives the lowest ratio and the background it comes from', () => {
    const check = checkColourAgainst('#767676', ['#000000', '#ffffff', '#fafaf9'])
    expect(check).toEqual({ background: '#fafaf9', passes: false, ratio: contrastRatio('#767676', '#fafaf9') })
    expect(checkColourAgainst('#767676', ['#ffffff'])).toMatchObject({ background: '#ffffff', passes: true })
  })

  it('takes another threshold', () => {
    expect(checkColourAgainst('#777', ['#fff'], 3)).toMatchObject({ passes: true })
  })

  it('skips unparsable backgrounds and gives null when nothing can be compared', () => {
    expect(checkColourAgainst('#000', ['nope', '#fff'])).toMatchObject({ background: '#fff', passes: true })
    expect(checkColourAgainst('#000', ['nope'])).toBeNull()
    expect(checkColourAgainst('#000', [])).toBeNull()
    expect(checkColourAgainst('black', ['#fff'])).toBeNull()
  })
})
