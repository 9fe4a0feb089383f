// A labelled control with its error beside it: the error is tied to the control (aria-describedby), so it is
// read out with it.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react'

import type { WizardState } from './useOnboarding'

import styles from '../[tenant]/book/book.module.css'

type Common = { hint?: ReactNode; label: string; path: string; state: WizardState }

const errorId = (state: WizardState, path: string) => `${state.fieldId(path)}-error`

function errorProps(state: WizardState, path: string) {
  const error = state.fieldErrors[path]
  return { 'aria-describedby': error ? errorId(state, path) : undefined, 'aria-invalid': error ? true : undefined, id: state.fieldId(path) }
}

export function FieldError({ path, state }: { path: string; state: WizardState }) {
  const error = state.fieldErrors[path]
  return error ? (
    <p className={styles.fieldError} id={errorId(state, path)}>
      {error}
    </p>
  ) : null
}

/** The label, the hint and the error around one control. */
function FieldFrame({ children, hint, label, path, state }: Common & { children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={state.fieldId(path)}>
        {label}
      </label>
      {hint && <span className={styles.muted}>{hint}</span>}
      {children}
      <FieldError path={path} state={state} />
    </div>
  )
}

export function InputField({ hint, label, path, state, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame hint={hint} label={label} path={path} state={state}>
      <input
        className={styles.control}
        {...input}
        {...errorProps(state, path)}
        onChange={(event) => {
          state.clearError(path)
          input.onChange?.(event)
        }}
      />
    </FieldFrame>
  )
}

export function SelectField({ children, hint, label, path, state, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame hint={hint} label={label} path={path} state={state}>
      <select
        className={styles.control}
        {...select}
        {...errorProps(state, path)}
        onChange={(event) => {
          state.clearError(path)
          select.onChange?.(event)
        }}
      >
        {children}
      </select>
    </FieldFrame>
  )
}
