'use client'
// Above Payload's dashboard: the selected studio's figures (each a link to the list behind it) and charts,
// from GET /api/dashboard. Signed-in people who may read none of it (403) see nothing here.
import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { DashboardAnswer } from '../types'

import { DashboardCharts } from './DashboardCharts'
import { dashboardText } from './dashboardText'
import { FigureCards } from './FigureCards'

type Load = { answer: DashboardAnswer; status: 'ready' } | { status: 'failed' } | { status: 'hidden' } | { status: 'loading' }

export function StudioDashboard() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { selectedTenantID } = useTenantSelection()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const text = dashboardText(i18n.language)
  const apiUrl = `${config.serverURL}${config.routes.api}/dashboard${selectedTenantID ? `?tenant=${encodeURIComponent(String(selectedTenantID))}` : ''}`

  useEffect(() => {
    const controller = new AbortController()
    setLoad({ status: 'loading' })
    fetch(apiUrl, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        if (response.status === 403) return setLoad({ status: 'hidden' })
        if (!response.ok) return setLoad({ status: 'failed' })
        setLoad({ answer: (await response.json()) as DashboardAnswer, status: 'ready' })
      })
      .catch(() => {
        if (!controller.signal.aborted) setLoad({ status: 'failed' })
      })
    return () => controller.abort()
  }, [apiUrl])

  if (load.status === 'hidden') return null
  return (
    <section aria-labelledby="studio-dashboard-title" data-testid="studio-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <header style={{ alignItems: 'baseline', display: 'flex', flexWrap: 'wrap', gap: '0 1rem', justifyContent: 'space-between' }}>
        <h2 id="studio-dashboard-title" style={{ margin: 0 }}>
          {text.title}
          {load.status === 'ready' ? ` · ${load.answer.tenant?.name ?? text.allStudios}` : ''}
        </h2>
        {load.status === 'ready' && load.answer.tenant ? (
          <p style={{ color: 'var(--theme-elevation-600)', margin: 0 }}>
            {text.timesIn} {load.answer.tenant.timezone}
          </p>
        ) : null}
      </header>
      {load.status === 'loading' ? <p aria-live="polite">{text.loading}</p> : null}
      {load.status === 'failed' ? <p role="alert">{text.failed}</p> : null}
      {load.status === 'ready' ? (
        <>
          <FigureCards answer={load.answer} language={i18n.language} text={text} />
          <DashboardCharts answer={load.answer} language={i18n.language} text={text} />
        </>
      ) : null}
    </section>
  )
}
