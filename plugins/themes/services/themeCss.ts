// A theme as the stylesheet the public pages load: light tokens on :root, dark ones when the system asks for
// dark (unless the page says light) and whenever the page says dark. Pure.
import { createHash } from 'node:crypto'

import { COLOUR_TOKENS, cssVariable, FONT_STACKS, type ModeTokens } from './tokens'

const declarations = (tokens: ModeTokens): string =>
  [
    ...COLOUR_TOKENS.map((token) => `${cssVariable(token)}: ${tokens[token].toLowerCase()};`),
    `${cssVariable('radius')}: ${tokens.radius}px;`,
    `${cssVariable('fontFamily')}: ${FONT_STACKS[tokens.fontFamily] ?? FONT_STACKS.system};`,
  ]
    .map((line) => `  ${line}`)
    .join('\n')

/**
 * `selector` is `:root` for a studio's theme; the platform's defaults use `:where(:root)`, whose zero
 * specificity lets any studio theme win whatever order the two stylesheets arrive in.
 */
export function themeCss(light: ModeTokens, dark: ModeTokens, selector = ':root'): string {
  const darkOn = (scope: string) => `${scope} {\n${declarations(dark)}\n  color-scheme: dark;\n}`
  const where = (inner: string) => (selector === ':root' ? inner : `:where(${inner})`)
  return [
    `${selector} {\n${declarations(light)}\n  color-scheme: light;\n}`,
    `@media (prefers-color-scheme: dark) {\n${darkOn(where(':root:not([data-theme="light"])'))}\n}`,
    darkOn(where('[data-theme="dark"]')),
    '',
  ].join('\n')
}

/** A strong validator: the same bytes, the same tag. */
export const strongEtag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/** Whether an `If-None-Match` header names `etag` (or is `*`), by the weak comparison RFC 9110 asks of it. */
export function matchesEtag(ifNoneMatch: null | string, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '')
    return tag === '*' || tag === etag
  })
}
