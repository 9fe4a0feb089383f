'use client'
// The open drawer: a non-modal dialog at the page's right edge with the studio's balance, the conversation,
// the cost confirmation when the server asks for one, and the message box. Escape closes it.
import React, { useEffect, useRef } from 'react'

import type { AssistantContext } from './assistantApi'
import type { AssistantText } from './assistantText'
import type { AssistantChat } from './useAssistantChat'

import { MessageList } from './MessageList'
import {
  composerStyle,
  confirmStyle,
  drawerHeaderStyle,
  drawerStyle,
  hintStyle,
  PRIMARY_BUTTON,
  rowStyle,
  SECONDARY_BUTTON,
  SMALL_BUTTON_STYLE,
  textareaStyle,
} from './styles'

export const PANEL_ID = 'assistant-drawer'
const MAX_MESSAGE_LENGTH = 4000

type Props = { chat: AssistantChat; context: AssistantContext; language: string; onClose: () => void; text: AssistantText }

function ConfirmCost({ chat, text }: { chat: AssistantChat; text: AssistantText }) {
  const confirmButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    confirmButton.current?.focus()
  }, [])
  if (!chat.pending) return null
  return (
    <div aria-describedby="assistant-confirm-text" data-testid="assistant-confirm" role="group" style={confirmStyle}>
      <p id="assistant-confirm-text" role="alert" style={{ margin: '0 0 calc(var(--base) * 0.5)' }}>
        {text.confirmCost(chat.pending.estimate, chat.pending.balance)}
      </p>
      <div style={rowStyle}>
        <button className={PRIMARY_BUTTON} onClick={chat.confirm} ref={confirmButton} style={SMALL_BUTTON_STYLE} type="button">
          {text.confirm}
        </button>
        <button className={SECONDARY_BUTTON} onClick={chat.cancel} style={SMALL_BUTTON_STYLE} type="button">
          {text.cancel}
        </button>
      </div>
    </div>
  )
}

function Composer({ chat, text }: { chat: AssistantChat; text: AssistantText }) {
  const input = useRef<HTMLTextAreaElement>(null)
  // Focus starts in the message box, and comes back to it when a confirmation is cancelled.
  useEffect(() => {
    if (!chat.pending) input.current?.focus()
  }, [chat.pending])
  const blocked = chat.busy || chat.pending !== null
  return (
    <form
      aria-label={text.ask}
      onSubmit={(event) => {
        event.preventDefault()
        chat.send()
      }}
      style={composerStyle}
    >
      <label htmlFor="assistant-input" style={{ fontSize: '0.85rem' }}>
        {text.ask}
      </label>
      <textarea
        aria-describedby="assistant-input-hint"
        id="assistant-input"
        maxLength={MAX_MESSAGE_LENGTH}
        onChange={(event) => chat.setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            chat.send()
          }
        }}
        ref={input}
        rows={3}
        style={textareaStyle}
        value={chat.draft}
      />
      <div style={{ ...rowStyle, justifyContent: 'space-between' }}>
        <span id="assistant-input-hint" style={hintStyle}>
          {text.askHint}
        </span>
        <button aria-busy={chat.busy} className={PRIMARY_BUTTON} disabled={blocked || chat.draft.trim() === ''} style={SMALL_BUTTON_STYLE} type="submit">
          {chat.busy ? text.sending : text.send}
        </button>
      </div>
    </form>
  )
}

export function AssistantPanel({ chat, context, language, onClose, text }: Props) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onClose])
  return (
    <div aria-labelledby="assistant-title" data-testid="assistant-drawer" id={PANEL_ID} role="dialog" style={drawerStyle}>
      <div style={drawerHeaderStyle}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <h2 id="assistant-title" style={{ fontSize: '1.1rem', margin: 0 }}>
            {text.title}
          </h2>
          <p style={{ ...hintStyle, margin: 0 }}>{context.studio.name}</p>
          {chat.balance === null ? null : (
            <p data-testid="assistant-balance" style={{ fontSize: '0.85rem', margin: 0, whiteSpace: 'nowrap' }}>
              {text.balance(chat.balance)}
            </p>
          )}
        </div>
        <button className={SECONDARY_BUTTON} disabled={chat.busy} onClick={chat.newConversation} style={SMALL_BUTTON_STYLE} type="button">
          {text.newChat}
        </button>
        <button aria-label={text.close} className={SECONDARY_BUTTON} onClick={onClose} style={SMALL_BUTTON_STYLE} title={text.close} type="button">
          ×
        </button>
      </div>
      <MessageList
        busy={chat.busy}
        entries={chat.entries}
        shared={{ language, onRun: (action) => void chat.act(action), outcomes: chat.outcomes, text, timeZone: context.studio.timeZone }}
      />
      {chat.pending ? <ConfirmCost chat={chat} text={text} /> : null}
      <Composer chat={chat} text={text} />
    </div>
  )
}
