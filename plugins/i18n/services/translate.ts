import type { Messages } from './lookup'

/** `messages[key]` with each `{name}` replaced; the key itself when no value exists, so a gap shows. */
export const translate = (messages: Messages, key: string, vars: Record<string, string> = {}): string =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
