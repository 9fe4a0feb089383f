// WCAG 2.x contrast between theme colours: the ratio, its display, and the checks a theme must pass. Pure;
// browser-safe.

import { AA_NORMAL_TEXT, CONTRAST_PAIRS, type ModeTokens } from './tokens'

export type Rgb = { r: number; g: number; b: number }

/** A pair below its threshold: `path` names the foreground field, `found` and `needed` are formatted ratios. */
export type ContrastFailure = { path: string; found: string; needed: string; message: string }

/** The weakest background for a colour: its ratio (unrounded) and whether that reaches the threshold. */
export type ContrastCheck = { ratio: number; background: string; passes: boolean }

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/** `#rgb` or `#rrggbb` (any case) into 0–255 channels; anything else (names, alpha, no `#`) is null. */
export function parseHex(value: string): Rgb | null {
  if (!HEX_COLOUR.test(value)) return null
  const digits = value.slice(1)
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits
  return {
    r: Number.parseInt(full.slice(0, 2), 16),
    g: Number.parseInt(full.slice(2, 4), 16),
    b: Number.parseInt(full.slice(4, 6), 16),
  }
}

// WCAG 2.2 "relative luminance" uses 0.04045 (older texts said 0.03928; no 8-bit channel falls between them).
function linearChannel(channel: number): number {
  const srgb = channel / 255
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance: 0 for black, 1 for white. */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * linearChannel(r) + 0.7152 * linearChannel(g) + 0.0722 * linearChannel(b)
}

function parseOrThrow(colour: string): Rgb {
  const rgb = parseHex(colour)
  if (!rgb) throw new RangeError(`Not a #rgb or #rrggbb colour: ${JSON.stringify(colour)}`)
  return rgb
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21, unrounded, symmetric. Throws on a colour `parseHex` refuses. */
export function contrastRatio(foreground: string, background: string): number {
  const first = relativeLuminance(parseOrThrow(foreground))
  const second = relativeLuminance(parseOrThrow(background))
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05)
}

/** Truncated (never rounded up) to 2 decimals, trailing zeros dropped: 4.4999 → '4.49:1', 21 → '21:1', 2.9 → '2.9:1'. */
export function formatRatio(ratio: number): string {
  let hundredths = Math.floor(ratio * 100)
  // `ratio * 100` may itself round up (4.4999999999999999 → 450): never show more than the real ratio.
  if (hundredths / 100 > ratio) hundredths -= 1
  return `${hundredths / 100}:1`
}

/** Every CONTRAST_PAIRS pair of one mode below AA; pairs with an unparsable colour are left to the hex validation. */
export function checkModeContrast(tokens: ModeTokens, mode: 'light' | 'dark'): ContrastFailure[] {
  const needed = formatRatio(AA_NORMAL_TEXT)
  const failures: ContrastFailure[] = []
  for (const [foregroundToken, backgroundToken] of CONTRAST_PAIRS) {
    const foreground = tokens[foregroundToken]
    const background = tokens[backgroundToken]
    if (!parseHex(foreground) || !parseHex(background)) continue
    const ratio = contrastRatio(foreground, background)
    if (ratio >= AA_NORMAL_TEXT) continue
    const found = formatRatio(ratio)
    failures.push({
      found,
      message: `${foregroundToken} on ${backgroundToken}: ${found}, needs ${needed}`,
      needed,
      path: `${mode}.${foregroundToken}`,
    })
  }
  return failures
}

/**
 * A colour against several backgrounds: the lowest ratio, the background giving it, and whether it reaches `needed`.
 * Unparsable backgrounds are skipped; null when the colour itself or every background is unparsable.
 */
export function checkColourAgainst(colour: string, backgrounds: string[], needed: number = AA_NORMAL_TEXT): ContrastCheck | null {
  if (!parseHex(colour)) return null
  let weakest: ContrastCheck | null = null
  for (const background of backgrounds) {
    if (!parseHex(background)) continue
    const ratio = contrastRatio(colour, background)
    if (!weakest || ratio < weakest.ratio) weakest = { background, passes: ratio >= needed, ratio }
  }
  return weakest
}
