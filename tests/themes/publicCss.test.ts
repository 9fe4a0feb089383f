// The public booking pages take every colour from the studio's theme (`--atelier-*` variables): no hard-coded
// colour may come back in their CSS modules, nor in an inline style of their components. Pure: reads files.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DIRECTORIES = ['app/(public)/[tenant]/book', 'app/(public)/bookings']

const HEX = /#[0-9a-fA-F]{3,8}\b/g
const COLOUR_FUNCTION = /(?<![-\w])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi
// `transparent` and `currentcolor` are allowed: they carry no colour of their own.
const NAMED_COLOURS = ['white', 'black', 'red', 'green', 'blue', 'gray', 'grey', 'silver', 'yellow', 'orange', 'purple', 'pink', 'brown', 'navy', 'maroon', 'teal', 'olive', 'lime', 'aqua', 'cyan', 'magenta', 'fuchsia', 'gold', 'indigo', 'violet']
const NAMED = new RegExp(`(?<![-\\w])(?:${NAMED_COLOURS.join('|')})(?![-\\w])`, 'gi')

type Finding = { line: number; text: string; why: string }

/** Every file under `dir` (recursively) whose name ends with `suffix`, relative to the repository. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(relative, suffix)
    return entry.name.endsWith(suffix) ? [relative] : []
  })
}

/** `text` with the spans `pattern` matches blanked out (newlines kept), so indexes and line numbers still hold. */
const blank = (text: string, pattern: RegExp): string => text.replace(pattern, (span) => span.replace(/[^\n]/g, ' '))

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length

function collect(text: string, pattern: RegExp, why: string, from = 0, within = text): Finding[] {
  return [...within.matchAll(pattern)].map((match) => {
    const index = from + (match.index ?? 0)
    return { line: lineAt(text, index), text: match[0], why }
  })
}

/** Hard-coded colours in a stylesheet: hex anywhere, colour functions, and colour keywords in declaration values. */
export function cssColours(source: string): Finding[] {
  const css = blank(source, /\/\*[\s\S]*?\*\//g)
  const findings = [...collect(css, HEX, 'hex colour'), ...collect(css, COLOUR_FUNCTION, 'colour function')]
  for (const declaration of css.matchAll(/(?<![-\w])(--?[a-zA-Z][\w-]*|[a-zA-Z][\w-]*)\s*:\s*([^;{}]*)(?=[;}])/g)) {
    const value = declaration[2] ?? ''
    const from = (declaration.index ?? 0) + declaration[0].length - value.length
    // Quoted text (grid area names, font names) and custom property names are not colours.
    const bare = blank(blank(value, /'[^']*'|"[^"]*"/g), /--[\w-]+/g)
    findings.push(...collect(css, NAMED, `colour keyword in ${declaration[1]}`, from, bare))
  }
  return findings.sort((a, b) => a.line - b.line)
}

/** The `{…}` expression starting at `open` (an opening brace), braces balanced; strings are not parsed. */
function braced(source: string, open: number): string {
  let depth = 0
  for (let index = open; index < source.length; index += 1) {
    if (source[index] === '{') depth += 1
    else if (source[index] === '}' && (depth -= 1) === 0) return source.slice(open, index + 1)
  }
  return source.slice(open)
}

const STYLE_COLOUR = new RegExp(`${HEX.source}|${COLOUR_FUNCTION.source}|(['"\`])(?:${NAMED_COLOURS.join('|')})\\1`, 'gi')
const COLOUR_PROPERTY = /\b(?:color|background\w*|border\w*|outline\w*|fill|stroke|boxShadow|textShadow|caretColor|accentColor|textDecorationColor)\s*:\s*(['"`])[^'"`]*?(?:#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\()/g

/** Hard-coded colours in a component: in any `style={…}` prop, or as a colour property's string value anywhere. */
export function inlineColours(source: string): Finding[] {
  const findings: Finding[] = []
  for (const prop of source.matchAll(/\bstyle=\{/g)) {
    const from = (prop.index ?? 0) + prop[0].length - 1
    findings.push(...collect(source, STYLE_COLOUR, 'colour in an inline style', from, braced(source, from)))
  }
  for (const finding of collect(source, COLOUR_PROPERTY, 'hard-coded colour property')) {
    if (!findings.some((known) => known.line === finding.line)) findings.push(finding)
  }
  return findings.sort((a, b) => a.line - b.line)
}

const report = (file: string, findings: Finding[]): string[] => findings.map(({ line, text, why }) => `${file}:${line}: ${why}: ${text.trim()}`)

describe('the detectors', () => {
  it('find hex colours, colour functions and colour keywords in CSS, with their lines', () => {
    const css = ['.a {', '  color: #fff;', '  background: rgba(0, 0, 0, 0.5);', '  border: 1px solid white;', '  outline-color: Grey;', '}', '.b { box-shadow: 0 0 2px hsl(0 0% 0%) }'].join('\n')
    expect(cssColours(css).map(({ line }) => line)).toEqual([2, 3, 4, 5, 7])
  })

  it('leave theme variables, mixes, comments, quoted names and non-colour keywords alone', () => {
    const css = [
      '/* was #fafaf9 and white */',
      '.page { background: var(--atelier-background); color: var(--atelier-text) }',
      '.tint { background: color-mix(in srgb, var(--atelier-danger) 8%, var(--atelier-surface)); border-color: transparent }',
      ".grid { grid-template-areas: 'red blue'; white-space: nowrap; font-family: var(--atelier-font-family) }",
      '.outline { border: 1px solid currentcolor; background: none }',
      '.page :focus-visible { outline: 3px solid var(--atelier-primary) }',
    ].join('\n')
    expect(cssColours(css)).toEqual([])
  })

  it('find colours in inline styles and colour properties of components', () => {
    const tsx = [
      "<li style={{ background: '#fff', padding: 8 }} />",
      "<p style={{ color: 'white' }} />",
      '<div style={{',
      "  border: '1px solid rgb(1, 2, 3)',",
      '}} />',
      "const tone = { borderColor: '#e7e5e4' }",
    ].join('\n')
    expect(inlineColours(tsx).map(({ line }) => line)).toEqual([1, 2, 4, 6])
  })

  it('leave layout-only inline styles and booking references alone', () => {
    const tsx = "<main className={styles.page} style={{ maxWidth: '40rem', padding: '1.5rem 1rem' }}>Room #123, ref BK-7K2M</main>"
    expect(inlineColours(tsx)).toEqual([])
  })
})

describe('the public booking pages', () => {
  const modules = DIRECTORIES.flatMap((dir) => filesUnder(dir, '.module.css'))
  const components = DIRECTORIES.flatMap((dir) => filesUnder(dir, '.tsx'))

  it('have CSS modules and components to check (booking, manage and lookup pages)', () => {
    expect(modules.length).toBeGreaterThan(0)
    expect(modules.some((file) => file.includes(`${path.sep}[ref]${path.sep}`))).toBe(true)
    expect(components.some((file) => file.includes(`${path.sep}bookings${path.sep}`))).toBe(true)
  })

  it('have no hard-coded colour in their CSS modules', () => {
    const problems = modules.flatMap((file) => report(file, cssColours(readFileSync(path.join(ROOT, file), 'utf8'))))
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('have no hard-coded colour in the inline styles of their components', () => {
    const problems = components.flatMap((file) => report(file, inlineColours(readFileSync(path.join(ROOT, file), 'utf8'))))
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('round every corner with the theme radius', () => {
    const problems = modules.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (/border-radius\s*:/.test(line) && !line.includes('var(--atelier-radius)') ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    )
    expect(problems, problems.join('\n')).toEqual([])
  })
})
