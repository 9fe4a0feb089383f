'use client'
// The AI assistant in the admin header, on every page: a button that opens the chat drawer for the selected
// studio. Nothing renders when the assistant is off (no provider key: 503 ai_disabled) or refused to this user.
import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import type { AssistantText } from './assistantText'

import { type AssistantContext, loadAssistantContext } from './assistantApi'
import { AssistantPanel, PANEL_ID } from './AssistantPanel'
import { assistantText } from './assistantText'
import { SECONDARY_BUTTON, SMALL_BUTTON_STYLE } from './styles'
import { useAssistantChat } from './useAssistantChat'

const tenantNumber = (id: number | string | undefined): number | undefined => {
  const value = Number(id)
  return id !== undefined && id !== '' && Number.isInteger(value) && value > 0 ? value : undefined
}

/** The assistant's context for the selected studio; null until it answers, and when it is off or refused. */
function useAssistantContext(api: string, tenant: number | undefined, enabled: boolean): AssistantContext | null {
  const [context, setContext] = useState<AssistantContext | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    setContext(null)
    if (!enabled) return
    void loadAssistantContext(api, tenant, controller.signal).then((loaded) => {
      if (!controller.signal.aborted) setContext(loaded)
    })
    return () => controller.abort()
  }, [api, enabled, tenant])
  return context
}

/** `enabled: false` (a client prop the plugin may pass when it has no provider) skips even the context request. */
export function AssistantDrawer({ enabled = true }: { enabled?: boolean }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { selectedTenantID } = useTenantSelection()
  const api = `${config.serverURL}${config.routes.api}`
  const context = useAssistantContext(api, tenantNumber(selectedTenantID), enabled)
  if (!context) return null
  return <Assistant api={api} context={context} language={i18n.language} text={assistantText(i18n.language)} />
}

function Assistant({ api, context, language, text }: { api: string; context: AssistantContext; language: string; text: AssistantText }) {
  const chat = useAssistantChat(api, context, text)
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  const close = useCallback(() => {
    setOpen(false)
    toggle.current?.focus()
  }, [])
  return (
    <>
      <button
        aria-controls={open ? PANEL_ID : undefined}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={text.open}
        className={SECONDARY_BUTTON}
        data-testid="assistant-toggle"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        ref={toggle}
        style={SMALL_BUTTON_STYLE}
        type="button"
      >
        {text.assistant}
      </button>
      {/* In the body: the header's actions row clips and scrolls what it holds. */}
      {open ? createPortal(<AssistantPanel chat={chat} context={context} language={language} onClose={close} text={text} />, document.body) : null}
    </>
  )
}
