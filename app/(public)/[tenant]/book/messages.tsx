'use client'
// The words of the public booking pages, in the page's language: the server resolves the language (cookie,
// browser, studio) and the strings (the studio's, the platform's, English) and hands them to this provider;
// components read them with `useT()` (text), `useRich()` (text with markup or elements inside) and
// `useFormat()` (dates, times, money and durations in the page's language). A key with no string shows as
// itself, so a gap is visible rather than silently English.
import { createContext, Fragment, type ReactNode, useCallback, useContext, useMemo } from 'react'

import { fillIn, pageFormat, type PageFormat } from './format'

export type Vars = Record<string, number | string>
/** A message by key, with each `{name}` filled in from `vars`. */
export type Translate = (key: string, vars?: Vars) => string
export type Messages = Record<string, string>

type PageWords = { language: string; messages: Messages }

const WordsContext = createContext<PageWords>({ language: 'en', messages: {} })

export function MessagesProvider({ children, language, messages }: { children: ReactNode; language: string; messages: Messages }) {
  const value = useMemo(() => ({ language, messages }), [language, messages])
  return <WordsContext.Provider value={value}>{children}</WordsContext.Provider>
}

/** The page's language code (`en`, `fr`…). */
export const useLanguage = (): string => useContext(WordsContext).language

const lookUp = (messages: Messages, key: string): string => (Object.hasOwn(messages, key) ? messages[key]! : key)

export function useT(): Translate {
  const { messages } = useContext(WordsContext)
  return useCallback((key: string, vars?: Vars) => fillIn(lookUp(messages, key), vars), [messages])
}

// The markup a message may carry: emphasis only, made into elements (never parsed as HTML).
const TAGS = { em: (children: ReactNode, key: number) => <em key={key}>{children}</em>, strong: (children: ReactNode, key: number) => <strong key={key}>{children}</strong> }
const RICH_TOKEN = /<(em|strong)>([\s\S]*?)<\/\1>|\{(\w+)\}/g

/** `template` as React nodes: `<strong>…</strong>` and `<em>…</em>` as elements, `{name}` as `vars[name]`. */
export function richNodes(template: string, vars: Record<string, ReactNode> = {}): ReactNode[] {
  const nodes: ReactNode[] = []
  let last = 0
  for (const match of template.matchAll(RICH_TOKEN)) {
    const index = match.index ?? 0
    if (index > last) nodes.push(template.slice(last, index))
    const [whole, tag, inner = '', name = ''] = match
    if (tag) nodes.push(TAGS[tag as keyof typeof TAGS](richNodes(inner, vars), index))
    else nodes.push(Object.hasOwn(vars, name) ? <Fragment key={index}>{vars[name]}</Fragment> : whole)
    last = index + whole.length
  }
  if (last < template.length) nodes.push(template.slice(last))
  return nodes
}

/** A message with elements inside: its own `<strong>` and `<em>`, and `{name}` replaced by any node. */
export function useRich(): (key: string, vars?: Record<string, ReactNode>) => ReactNode {
  const { messages } = useContext(WordsContext)
  return useCallback((key: string, vars?: Record<string, ReactNode>) => <>{richNodes(lookUp(messages, key), vars)}</>, [messages])
}

/** Dates, times, money and durations in the page's language. */
export function useFormat(): PageFormat {
  const { language, messages } = useContext(WordsContext)
  return useMemo(
    () =>
      pageFormat(language, {
        hours: lookUp(messages, 'format.duration.hours'),
        hoursMinutes: lookUp(messages, 'format.duration.hoursMinutes'),
        minutes: lookUp(messages, 'format.duration.minutes'),
        timeOnDate: lookUp(messages, 'format.timeOnDate'),
      }),
    [language, messages],
  )
}
