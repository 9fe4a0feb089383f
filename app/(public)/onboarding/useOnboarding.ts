'use client'

// The state of the onboarding wizard: the studio's state as the API answers it, the step shown (the stored one
// when the page opens), and each step's answer, sent with the session cookie; errors spread over the fields.
import { useEffect, useId, useRef, useState } from 'react'

import type { FieldErrors, Load, OnboardingState, Step } from './onboardingTypes'

import { callApi, describeFailure } from '../[tenant]/book/api'
import { STEPS } from './onboardingTypes'
import { CORRECT_FIELDS, spreadErrors } from './wizardForms'

export type WizardState = ReturnType<typeof useOnboarding>
export type Shown = 'done' | Step

const SIGNED_OUT = 'Your session has ended. Sign in again to continue.'

export function useOnboarding(tenantId: string | undefined) {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [data, setData] = useState<null | OnboardingState>(null)
  const [shown, setShown] = useState<Shown>('welcome')
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [alert, setAlert] = useState<null | string>(null)
  const [submitting, setSubmitting] = useState(false)
  const [signedOut, setSignedOut] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const lastShown = useRef<Shown | null>(null)
  const idPrefix = useId()
  const fieldId = (path: string) => `${idPrefix}-${path.replace(/\./g, '-')}`

  useEffect(() => {
    const controller = new AbortController()
    const query = tenantId ? `?tenant=${encodeURIComponent(tenantId)}` : ''
    void callApi<OnboardingState>(`/api/onboarding${query}`, { credentials: 'same-origin', signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return
      if (result.ok) {
        setData(result.data)
        // Resume: a finished wizard opens on its last page, any other at the stored step.
        setShown(result.data.onboarding.completedAt ? 'done' : result.data.onboarding.step)
        setLoad({ state: 'ready' })
      } else if (result.status === 400 && result.code === 'tenant_required') {
        const { tenants } = (result.body ?? {}) as { tenants?: { id: number; name: string }[] }
        setLoad({ state: 'choose', tenants: tenants ?? [] })
      } else if (result.status === 401) {
        setSignedOut(true)
        setLoad({ message: SIGNED_OUT, state: 'error' })
      } else {
        setLoad({ message: describeFailure(result), state: 'error' })
      }
    })
    return () => controller.abort()
  }, [tenantId])

  // A new step takes the focus to its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    if (lastShown.current !== null && lastShown.current !== shown) headingRef.current?.focus()
    lastShown.current = shown
  }, [shown])

  const show = (step: Shown) => {
    setFieldErrors({})
    setAlert(null)
    setShown(step)
  }
  const after = (step: Step): Shown => STEPS[STEPS.indexOf(step) + 1] ?? 'done'
  const back = () => {
    if (shown === 'done') return show(STEPS[STEPS.length - 1]!)
    const previous = STEPS[STEPS.indexOf(shown) - 1]
    if (previous) show(previous)
  }
  const focusFirstInvalid = (errors: FieldErrors) => {
    const first = Object.keys(errors).find((path) => errors[path] && document.getElementById(fieldId(path)))
    if (first) document.getElementById(fieldId(first))?.focus()
  }

  /** Checks that found problems before sending: shown like the server's. */
  const refuse = (errors: FieldErrors) => {
    setFieldErrors(errors)
    setAlert(CORRECT_FIELDS)
    focusFirstInvalid(errors)
  }

  /** Sends the step's answer; true once the server has taken it. */
  const answer = async (step: Step, action: 'complete' | 'skip', body?: unknown): Promise<boolean> => {
    if (!data || submitting) return false
    setSubmitting(true)
    setAlert(null)
    const result = await callApi<OnboardingState>('/api/onboarding', {
      body: JSON.stringify({ action, step, tenant: data.tenant.id, ...(action === 'complete' ? { data: body } : {}) }),
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
    })
    setSubmitting(false)
    if (result.ok) {
      setData(result.data)
      show(after(step))
      return true
    }
    if (result.status === 401) {
      setSignedOut(true)
      setAlert(SIGNED_OUT)
      return false
    }
    const { alert: general, fields } = spreadErrors(result.errors)
    setFieldErrors(fields)
    setAlert(result.status === 400 || result.status === 403 ? general : describeFailure(result))
    focusFirstInvalid(fields)
    return false
  }

  const clearError = (path: string) => {
    if (fieldErrors[path]) setFieldErrors((current) => ({ ...current, [path]: undefined }))
  }

  return { alert, answer, back, clearError, data, fieldErrors, fieldId, headingRef, load, refuse, show, shown, signedOut, submitting }
}
