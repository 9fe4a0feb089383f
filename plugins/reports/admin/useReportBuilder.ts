'use client'
// The Reports view's state: the studio's predefined templates, the chosen one or the custom form, the last
// report run (its spec and answer), and the API's refusals. Sorting re-runs the shown report with `sort`;
// downloads send the shown report's spec, so the file is what the table shows.
import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { ReportSpec } from '../services/spec'
import type { FormProblem, ReportFormState, SortInput } from '../services/specForm'
import type { ReportAnswer } from '../types'

import { initialForm, specFromForm, templateSpec } from '../services/specForm'
import { type ApiError, callJson, downloadReport } from './reportsApi'
import { reportsText } from './reportsText'

export type TemplateChoice = { description: string; key: string; name: string; personal: boolean; spec: Omit<ReportSpec, 'tenant'> }

export type Shown = { answer: ReportAnswer; spec: ReportSpec }

export const CUSTOM = ''

const tenantNumber = (id: number | string | undefined): number | undefined => {
  const value = Number(id)
  return id !== undefined && id !== '' && Number.isInteger(value) && value > 0 ? value : undefined
}

export function useReportBuilder() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { selectedTenantID } = useTenantSelection()
  const text = reportsText(i18n.language)
  const api = `${config.serverURL}${config.routes.api}`
  const tenant = tenantNumber(selectedTenantID)

  const [templates, setTemplates] = useState<TemplateChoice[]>([])
  const [choice, setChoice] = useState<string>(CUSTOM)
  const [form, setForm] = useState<ReportFormState>(() => initialForm(new Date()))
  const [problems, setProblems] = useState<FormProblem[]>([])
  const [errors, setErrors] = useState<ApiError[]>([])
  const [shown, setShown] = useState<null | Shown>(null)
  const [busy, setBusy] = useState<'csv' | 'pdf' | 'run' | 'xlsx' | null>(null)
  const [studio, setStudio] = useState<{ currency: string; timezone: null | string }>({ currency: 'EUR', timezone: null })

  // A new studio: its templates (with periods in its zone) and its currency; nothing of the previous one stays.
  useEffect(() => {
    const controller = new AbortController()
    setShown(null)
    setErrors([])
    const query = tenant === undefined ? '' : `?tenant=${tenant}`
    callJson<{ templates: TemplateChoice[] }>(`${api}/reports/templates${query}`, text.templatesFailed, { signal: controller.signal })
      .then((result) => {
        if (result.ok) setTemplates(result.body.templates)
        else setErrors(result.errors)
      })
      .catch(() => undefined)
    setStudio({ currency: 'EUR', timezone: null })
    if (tenant !== undefined) {
      callJson<{ defaultCurrency?: null | string; timezone?: null | string }>(
        `${api}/tenants/${tenant}?depth=0&select[defaultCurrency]=true&select[timezone]=true`,
        text.failed,
        { signal: controller.signal },
      )
        .then((result) => {
          if (result.ok) setStudio({ currency: result.body.defaultCurrency || 'EUR', timezone: result.body.timezone || null })
        })
        .catch(() => undefined)
    }
    return () => controller.abort()
  }, [api, tenant, text.failed, text.templatesFailed])

  const template = templates.find((candidate) => candidate.key === choice) ?? null

  const choose = useCallback(
    (key: string) => {
      setChoice(key)
      setProblems([])
      setErrors([])
      const picked = templates.find((candidate) => candidate.key === key)
      if (picked?.spec.period) setForm((current) => ({ ...current, from: picked.spec.period!.from, to: picked.spec.period!.to }))
    },
    [templates],
  )

  const run = useCallback(
    async (spec: ReportSpec) => {
      setBusy('run')
      setErrors([])
      const result = await callJson<ReportAnswer>(`${api}/reports/build?format=json`, text.failed, { body: spec, method: 'POST' })
      setBusy(null)
      if (result.ok) setShown({ answer: result.body, spec })
      else setErrors(result.errors)
    },
    [api, text.failed],
  )

  /** The spec the form (or the chosen template) describes, or null after showing what is wrong with it. */
  const currentSpec = (sort?: SortInput[]): null | ReportSpec => {
    const result = template
      ? templateSpec(template.spec, form, { sort, tenant })
      : specFromForm(form, { moneyCurrency: studio.currency, sort, tenant })
    setProblems(result.ok ? [] : result.problems)
    return result.ok ? result.spec : null
  }

  const runForm = () => {
    const spec = currentSpec()
    if (spec) void run(spec)
  }

  const sortBy = (key: string) => {
    if (!shown) return
    const current = shown.spec.sort?.[0]
    const direction = current?.key === key && current.direction === 'asc' ? 'desc' : 'asc'
    void run({ ...shown.spec, sort: [{ direction, key }] })
  }

  const download = async (format: 'csv' | 'pdf' | 'xlsx') => {
    if (!shown) return
    setBusy(format)
    setErrors([])
    const refused = await downloadReport(api, shown.spec, format, text.downloadFailed)
    setBusy(null)
    if (refused) setErrors(refused)
  }

  return { api, busy, choice, choose, download, errors, form, moneyCurrency: studio.currency, problems, runForm, setForm, shown, sortBy, studioZone: studio.timezone, template, templates, tenant, text }
}

export type ReportBuilder = ReturnType<typeof useReportBuilder>
