'use client'
// The signed-in person's display currency and the rates to show it with, for money cells and fields: loaded
// once per page (two requests shared by every cell), again after five minutes or when the person changes it.
// Converted with the same exact decimal code as the server; stale rates convert nothing.
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { convertMinor, DISPLAY_CURRENCY_CHANGED, type RateTable } from '../../currency/client'

export type DisplayConversion = { convert: (amount: number, from: string) => null | number; currency: string }

type Loaded = { currency: string; rates: RateTable } | null

const TTL_MS = 5 * 60_000
let shared: { at: number; loaded: Promise<Loaded> } | null = null

async function getJson<T>(url: string): Promise<null | T> {
  try {
    const response = await fetch(url, { credentials: 'include' })
    return response.ok ? ((await response.json()) as T) : null
  } catch {
    return null
  }
}

async function fetchDisplay(api: string): Promise<Loaded> {
  const chosen = await getJson<{ currency: null | string }>(`${api}/user/currency`)
  if (!chosen?.currency) return null
  const published = await getJson<{ rates: RateTable; stale: boolean }>(`${api}/currencies/rates`)
  // Stale or missing rates: amounts show as charged, never converted silently with old rates.
  if (!published || published.stale) return null
  return { currency: chosen.currency, rates: published.rates }
}

function load(api: string): Promise<Loaded> {
  if (!shared || Date.now() - shared.at > TTL_MS) {
    const loaded = fetchDisplay(api)
    shared = { at: Date.now(), loaded }
  }
  return shared.loaded
}

function asConversion(loaded: Loaded): DisplayConversion | null {
  if (!loaded) return null
  return {
    convert: (amount, from) => {
      if (from === loaded.currency || !Number.isSafeInteger(amount)) return null
      try {
        return convertMinor(amount, from, loaded.currency, loaded.rates).amount
      } catch {
        return null // a currency without a rate: shown as charged only
      }
    },
    currency: loaded.currency,
  }
}

/** The person's display currency and a converter into it, or null (none chosen, or no fresh rates). */
export function useDisplayConversion(): DisplayConversion | null {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const [loaded, setLoaded] = useState<Loaded>(null)
  useEffect(() => {
    let live = true
    const refresh = () =>
      void load(api).then((next) => {
        if (live) setLoaded(next)
      })
    const changed = () => {
      shared = null
      refresh()
    }
    refresh()
    window.addEventListener(DISPLAY_CURRENCY_CHANGED, changed)
    return () => {
      live = false
      window.removeEventListener(DISPLAY_CURRENCY_CHANGED, changed)
    }
  }, [api])
  return asConversion(loaded)
}
