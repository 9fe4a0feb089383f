// A theme's design tokens: what editors choose, what the CSS endpoint writes as `--atelier-*` variables, and
// the platform's defaults (the public pages' look before a studio has a theme). Pure; browser-safe.

export const COLOUR_TOKENS = ['background', 'surface', 'text', 'mutedText', 'primary', 'onPrimary', 'accent', 'danger', 'border'] as const
export type ColourToken = (typeof COLOUR_TOKENS)[number]

/** System font stacks only: nothing is downloaded. */
export const FONT_STACKS = {
  humanist: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif',
  mono: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace',
  rounded: 'ui-rounded, "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", Calibri, source-sans-pro, sans-serif',
  serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const
export type FontFamily = keyof typeof FONT_STACKS

/** One mode's tokens: colours as `#rgb` or `#rrggbb`, the corner radius in pixels, a font stack's key. */
export type ModeTokens = Record<ColourToken, string> & { fontFamily: FontFamily; radius: number }

/** Foreground on background pairs that must reach WCAG 2.2 AA (4.5:1) in each mode. */
export const CONTRAST_PAIRS: readonly (readonly [ColourToken, ColourToken])[] = [
  ['text', 'background'],
  ['text', 'surface'],
  ['mutedText', 'surface'],
  ['onPrimary', 'primary'],
  ['danger', 'surface'],
]
export const AA_NORMAL_TEXT = 4.5

/** `mutedText` → `--atelier-muted-text`. */
export const cssVariable = (token: ColourToken | 'fontFamily' | 'radius'): string => `--atelier-${token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`

export const DEFAULT_LIGHT: ModeTokens = {
  accent: '#15803d',
  background: '#fafaf9',
  border: '#d6d3d1',
  danger: '#b91c1c',
  fontFamily: 'system',
  mutedText: '#57534e',
  onPrimary: '#ffffff',
  primary: '#1d4ed8',
  radius: 6,
  surface: '#ffffff',
  text: '#1c1917',
}

export const DEFAULT_DARK: ModeTokens = {
  accent: '#4ade80',
  background: '#1c1917',
  border: '#57534e',
  danger: '#fca5a5',
  fontFamily: 'system',
  mutedText: '#d6d3d1',
  onPrimary: '#1c1917',
  primary: '#93c5fd',
  radius: 6,
  surface: '#292524',
  text: '#fafaf9',
}
