'use client'
// What stops a report: the form's own findings (worded per row) and the API's refusals (`{ errors: [{ message,
// path }] }`), read out when they appear.
import React from 'react'

import type { FormProblem } from '../services/specForm'
import type { ApiError } from './reportsApi'
import type { ReportsText } from './reportsText'

import { errorStyle } from './styles'

/** "Filter 2: Enter a number." from `filters.1.value`; the period and currency read without a prefix. */
export function problemMessage(problem: FormProblem, text: ReportsText): string {
  const message = text.problems[problem.code]
  const [part, index] = problem.path.split('.')
  const where = part && part in text.problemAt ? text.problemAt[part as keyof ReportsText['problemAt']] : null
  return where && index !== undefined ? `${where} ${Number(index) + 1}: ${message}` : message
}

export function FormMessages({ errors, problems, text }: { errors: ApiError[]; problems: FormProblem[]; text: ReportsText }) {
  const messages = [
    ...problems.map((problem) => ({ key: `p:${problem.path}:${problem.code}`, path: undefined, text: problemMessage(problem, text) })),
    ...errors.map((error, index) => ({ key: `e:${index}`, path: error.path, text: error.message })),
  ]
  return (
    <div aria-live="assertive" data-testid="report-errors" role="alert">
      {messages.length > 0 ? (
        <ul style={{ ...errorStyle, margin: '0 0 calc(var(--base) * 0.5)', paddingLeft: '1.2rem' }}>
          {messages.map((message) => (
            <li key={message.key}>
              {message.text}
              {message.path ? <code style={{ fontSize: '0.8em', marginLeft: 6, opacity: 0.8 }}>{message.path}</code> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
