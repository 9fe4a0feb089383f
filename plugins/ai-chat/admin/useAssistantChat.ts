'use client'
// The drawer's state: the conversation (its server session), the draft, the balance, a message waiting for
// the cost confirmation, and what became of each proposed action. Kept above the panel, so closing the drawer
// neither loses the conversation nor stops an answer that is streaming.
import { useCallback, useEffect, useRef, useState } from 'react'

import type { AssistantText } from './assistantText'

import { type AssistantContext, postChat, type ProposedAction, runAction } from './assistantApi'
import { type ActionOutcome, applyEvent, balanceAfter, emptyAnswer, type Entry, sessionOf } from './chatTranscript'

/** A message the server priced above the confirmation threshold: sent again only if the user agrees. */
export type PendingConfirm = { balance: number; estimate: number; message: string }

export type AssistantChat = ReturnType<typeof useAssistantChat>

export function useAssistantChat(api: string, context: AssistantContext, text: AssistantText) {
  const [entries, setEntries] = useState<Entry[]>([])
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const [balance, setBalance] = useState<null | number>(context.balance)
  const [pending, setPending] = useState<null | PendingConfirm>(null)
  const [outcomes, setOutcomes] = useState<Record<string, ActionOutcome>>({})
  const session = useRef<string | undefined>(undefined)
  const lastId = useRef(0)
  const nextId = () => ++lastId.current

  const reset = useCallback(() => {
    session.current = undefined
    setEntries([])
    setPending(null)
    setOutcomes({})
  }, [])

  // Another studio is another conversation, with its own balance.
  useEffect(() => {
    reset()
    setBalance(context.balance)
  }, [context, reset])

  const post = useCallback(
    async (message: string, confirmCost: boolean) => {
      setBusy(true)
      const answerId = nextId()
      let streamed = false
      const refusal = await postChat(
        api,
        { ...(confirmCost ? { confirmCost: true } : {}), message, sessionId: session.current, tenant: context.studio.id },
        (event) => {
          const nextBalance = balanceAfter(event)
          if (nextBalance !== undefined) setBalance(nextBalance)
          session.current = sessionOf(event) ?? session.current
          const first = !streamed
          streamed = true
          setEntries((list) => {
            const current = first ? emptyAnswer(answerId) : list.find((entry) => entry.id === answerId)
            if (current?.kind !== 'assistant') return list
            const updated = applyEvent(current, event)
            return first ? [...list, updated] : list.map((entry) => (entry.id === answerId ? updated : entry))
          })
        },
        text.failed,
      )
      // However the stream ended, the answer stops showing as in progress; a cut one says so.
      setEntries((list) =>
        list.map((entry) =>
          entry.id === answerId && entry.kind === 'assistant'
            ? { ...entry, error: entry.error ?? (refusal || entry.credits === undefined ? text.failed : undefined), streaming: false }
            : entry,
        ),
      )
      if (refusal && !streamed) {
        if (refusal.code === 'confirm_cost' && refusal.estimate !== undefined) {
          setPending({ balance: refusal.balance ?? balance ?? 0, estimate: refusal.estimate, message })
        } else {
          setEntries((list) => [...list, { id: answerId, kind: 'notice', text: refusal.message }])
        }
      }
      setBusy(false)
    },
    [api, balance, context.studio.id, text.failed],
  )

  const send = useCallback(() => {
    const message = draft.trim()
    if (!message || busy || pending) return
    setDraft('')
    setEntries((list) => [...list, { id: nextId(), kind: 'user', text: message }])
    void post(message, false)
  }, [busy, draft, pending, post])

  const confirm = useCallback(() => {
    if (!pending) return
    setPending(null)
    void post(pending.message, true)
  }, [pending, post])

  /** Not sent: the message goes back to the draft, to shorten or drop. */
  const cancel = useCallback(() => {
    if (!pending) return
    setPending(null)
    setEntries((list) => {
      const lastUser = list.findLastIndex((entry) => entry.kind === 'user')
      return lastUser === -1 ? list : list.filter((_, index) => index !== lastUser)
    })
    setDraft(pending.message)
  }, [pending])

  const act = useCallback(
    async (action: ProposedAction) => {
      setOutcomes((known) => ({ ...known, [action.id]: { status: 'running' } }))
      const problem = await runAction(action, text.actionFailed)
      const outcome: ActionOutcome = problem ? { message: problem, status: 'failed' } : { message: text.actionDone[action.kind], status: 'done' }
      setOutcomes((known) => ({ ...known, [action.id]: outcome }))
    },
    [text],
  )

  return { act, balance, busy, cancel, confirm, draft, entries, newConversation: reset, outcomes, pending, send, setDraft }
}
