'use client'
// The conversation: the user's messages, the assistant's answers as they stream (text, a line per lookup,
// action cards, what it cost) and the server's refusals. A log region, busy while an answer streams, so a
// screen reader reads the answer once rather than token by token.
import React, { useEffect, useRef } from 'react'

import type { ProposedAction } from './assistantApi'
import type { AssistantText } from './assistantText'
import type { ActionOutcome, AnswerPart, AssistantEntry, Entry, ToolPart } from './chatTranscript'

import { ActionCard } from './ActionCard'
import { answerBubbleStyle, errorStyle, hintStyle, logStyle, userBubbleStyle, visuallyHidden } from './styles'

type Shared = { language: string; onRun: (action: ProposedAction) => void; outcomes: Record<string, ActionOutcome>; text: AssistantText; timeZone: string }

function toolLine(part: ToolPart, text: AssistantText): string {
  const line = text.tools[part.name] ?? text.toolUsed(part.name)
  return part.status === 'failed' ? text.toolFailed(line, part.error ?? '') : line
}

function Part({ part, shared }: { part: AnswerPart; shared: Shared }) {
  if (part.kind === 'text') return <span data-testid="assistant-text">{part.text}</span>
  if (part.kind === 'tool') {
    return (
      <p data-status={part.status} data-testid="assistant-tool" style={part.status === 'failed' ? errorStyle : hintStyle}>
        {toolLine(part, shared.text)}
      </p>
    )
  }
  const { action } = part
  return <ActionCard action={action} language={shared.language} onRun={shared.onRun} outcome={shared.outcomes[action.id]} text={shared.text} timeZone={shared.timeZone} />
}

function Answer({ entry, shared }: { entry: AssistantEntry; shared: Shared }) {
  const { text } = shared
  // The estimate covers the answer's first model call only (each tool round is held on its own): it shows while
  // the answer streams, and the real cost of the whole answer replaces it.
  const cost = entry.credits !== undefined ? text.cost(entry.credits) : entry.estimate !== undefined ? text.estimate(entry.estimate) : null
  return (
    <div aria-busy={entry.streaming} data-streaming={entry.streaming} data-testid="assistant-answer" style={answerBubbleStyle}>
      <span style={visuallyHidden}>{text.assistant}:</span>
      {entry.parts.map((part, index) => (
        <Part key={part.kind === 'action' ? part.action.id : part.kind === 'tool' ? part.id : `text-${index}`} part={part} shared={shared} />
      ))}
      {entry.error ? (
        <p data-testid="assistant-error" style={errorStyle}>
          {entry.error}
        </p>
      ) : null}
      {cost ? (
        <p data-testid="assistant-cost" style={hintStyle}>
          {cost}
        </p>
      ) : null}
    </div>
  )
}

export function MessageList({ busy, entries, shared }: { busy: boolean; entries: Entry[]; shared: Shared }) {
  const end = useRef<HTMLDivElement>(null)
  // The newest line stays in view while the answer grows. A block body: Chromium's scrollIntoView now returns a
  // promise, which React would take for the effect's cleanup.
  useEffect(() => {
    void end.current?.scrollIntoView?.({ block: 'end' })
  }, [entries])
  return (
    <div aria-busy={busy} aria-label={shared.text.title} data-testid="assistant-log" role="log" style={logStyle} tabIndex={0}>
      {entries.length === 0 ? <p style={hintStyle}>{shared.text.empty}</p> : null}
      {entries.map((entry) => {
        if (entry.kind === 'user') {
          return (
            <div data-testid="assistant-question" key={entry.id} style={userBubbleStyle}>
              <span style={visuallyHidden}>{shared.text.you}:</span>
              {entry.text}
            </div>
          )
        }
        if (entry.kind === 'notice') {
          return (
            <p data-testid="assistant-refusal" key={entry.id} role="alert" style={errorStyle}>
              {entry.text}
            </p>
          )
        }
        return <Answer entry={entry} key={entry.id} shared={shared} />
      })}
      <div ref={end} />
    </div>
  )
}
