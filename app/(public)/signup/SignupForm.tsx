'use client'
// The signup form. Rendered on the server and posted to a server action, it works without JavaScript;
// with it, the slug follows the studio name until edited and is checked while typing.
import { useActionState, useState } from 'react'

import styles from '../[tenant]/book/book.module.css'
import { signupAction } from './actions'
import { CURRENCIES, TIME_ZONES, type SignupField, type SignupFormState } from './formState'
import { useSlugCheck } from './useSlugCheck'

const slugify = (name: string) =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63)

export function SignupForm({ publicUrl }: { publicUrl: string }) {
  const [state, formAction, pending] = useActionState<SignupFormState, FormData>(signupAction, { status: 'idle' })
  const values = state.status === 'invalid' ? state.values : {}
  const errors = state.status === 'invalid' ? state.fieldErrors : {}
  const [studioName, setStudioName] = useState(values.studioName ?? '')
  const [slug, setSlug] = useState(values.slug ?? '')
  const [slugEdited, setSlugEdited] = useState(Boolean(values.slug))
  const slugStatus = useSlugCheck(slug)

  if (state.status === 'sent') {
    return (
      <div className={styles.card} role="status">
        <h2 className={styles.stepHeading}>Check your email</h2>
        <p>We sent a link to {state.email}. Open it to confirm your address and set up your studio.</p>
      </div>
    )
  }

  const describedBy = (name: SignupField) => (errors[name] ? `${name}-error` : undefined)
  const error = (name: SignupField) =>
    errors[name] && (
      <p className={styles.fieldError} id={`${name}-error`}>
        {errors[name]}
      </p>
    )
  const field = (name: SignupField, label: string, control: React.ReactNode) => (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={name}>
        {label}
      </label>
      {control}
      {error(name)}
    </div>
  )
  const common = (name: SignupField) => ({ 'aria-describedby': describedBy(name), 'aria-invalid': errors[name] ? true : undefined, className: styles.control, id: name, name })

  return (
    <form action={formAction} noValidate>
      {errors.form && (
        <p className={styles.alert} role="alert">
          {errors.form}
        </p>
      )}
      {field('studioName', 'Studio name', (
        <input {...common('studioName')} autoComplete="organization" onChange={(event) => {
          setStudioName(event.target.value)
          if (!slugEdited) setSlug(slugify(event.target.value))
        }} required value={studioName} />
      ))}
      {field('slug', `Booking page address (${publicUrl}/…)`, (
        <>
          <input {...common('slug')} autoCapitalize="none" onChange={(event) => {
            setSlugEdited(true)
            setSlug(event.target.value.toLowerCase())
          }} required spellCheck={false} value={slug} />
          {slugStatus && !errors.slug && <p aria-live="polite" className={slugStatus.tone === 'bad' ? styles.fieldError : styles.muted}>{slugStatus.message}</p>}
        </>
      ))}
      {field('name', 'Your name (optional)', <input {...common('name')} autoComplete="name" defaultValue={values.name} />)}
      {field('email', 'Email', <input {...common('email')} autoComplete="email" defaultValue={values.email} inputMode="email" required type="email" />)}
      {field('password', 'Password (10 characters or more)', <input {...common('password')} autoComplete="new-password" minLength={10} required type="password" />)}
      {field('timezone', 'Time zone', (
        <select {...common('timezone')} defaultValue={values.timezone || 'Europe/Paris'}>
          {TIME_ZONES.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
      ))}
      {field('currency', 'Currency', (
        <select {...common('currency')} defaultValue={values.currency || 'EUR'}>
          {CURRENCIES.map((code) => <option key={code} value={code}>{code}</option>)}
        </select>
      ))}
      {field('locale', 'Language', (
        <select {...common('locale')} defaultValue={values.locale || 'en'}>
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
      ))}
      {/* A honeypot: hidden from people and assistive technology, filled by bots. */}
      <div aria-hidden="true" style={{ left: '-10000px', position: 'absolute' }}>
        <label htmlFor="website">Website</label>
        <input autoComplete="off" id="website" name="website" tabIndex={-1} type="text" />
      </div>
      <button aria-disabled={pending} className={styles.primary} type="submit">
        {pending ? 'Creating your studio…' : 'Create my studio'}
      </button>
    </form>
  )
}
