import { describe, expect, it } from 'vitest'

import { alertEmail } from '../../plugins/audit-log/services/alertEmail'
import { diffDocuments, REDACTED } from '../../plugins/audit-log/services/diff'
import { DEFAULT_RISK_SETTINGS, hourIn, RISK_RULES, scoreRisk } from '../../plugins/audit-log/services/risk'

const settings = DEFAULT_RISK_SETTINGS

describe('risk rules fire at their threshold and stay silent below it', () => {
  it('failed logins for one account', () => {
    expect(RISK_RULES.failedLoginsForAccount!({ action: 'login_failed' }, { failedLoginsForAccount: 4 }, settings)).toBeUndefined()
    expect(RISK_RULES.failedLoginsForAccount!({ action: 'login_failed' }, { failedLoginsForAccount: 5 }, settings)?.reason).toMatch(/5 failed logins for this account/)
  })

  it('failed logins from one IP', () => {
    expect(RISK_RULES.failedLoginsFromIp!({ action: 'login_failed' }, { failedLoginsFromIp: 4 }, settings)).toBeUndefined()
    expect(RISK_RULES.failedLoginsFromIp!({ action: 'login_failed' }, { failedLoginsFromIp: 9 }, settings)?.reason).toMatch(/from this IP/)
  })

  it('a login from a new IP', () => {
    expect(RISK_RULES.newIp!({ action: 'login' }, { newIpForUser: false }, settings)).toBeUndefined()
    expect(RISK_RULES.newIp!({ action: 'login' }, { newIpForUser: true }, settings)?.points).toBe(30)
  })

  it('mass deletion: more than N deletes in the window', () => {
    expect(RISK_RULES.massDeletion!({ action: 'delete' }, { recentDeletesByUser: 20 }, settings)).toBeUndefined()
    expect(RISK_RULES.massDeletion!({ action: 'delete' }, { recentDeletesByUser: 21 }, settings)?.reason).toMatch(/21 deletions/)
  })

  it('role and permission changes', () => {
    expect(RISK_RULES.accessChange!({ action: 'update', collection: 'media' }, {}, settings)).toBeUndefined()
    expect(RISK_RULES.accessChange!({ action: 'update', collection: 'roles' }, {}, settings)).toBeDefined()
    expect(RISK_RULES.accessChange!({ action: 'role_expired', collection: 'role-assignments' }, {}, settings)).toBeDefined()
  })

  it('large exports', () => {
    expect(RISK_RULES.largeExport!({ action: 'export', rowCount: 9_999 }, {}, settings)).toBeUndefined()
    expect(RISK_RULES.largeExport!({ action: 'export', rowCount: 10_000 }, {}, settings)?.reason).toMatch(/10000 rows/)
  })

  it('activity outside working hours, in local time', () => {
    expect(RISK_RULES.outsideWorkingHours!({ action: 'update' }, { localHour: 7 }, settings)).toBeUndefined()
    expect(RISK_RULES.outsideWorkingHours!({ action: 'update' }, { localHour: 20 }, settings)).toBeUndefined()
    expect(RISK_RULES.outsideWorkingHours!({ action: 'update' }, { localHour: 21 }, settings)).toBeDefined()
    expect(RISK_RULES.outsideWorkingHours!({ action: 'update' }, { localHour: 6 }, settings)).toBeDefined()
  })

  it('adds points up, capped at 100', () => {
    expect(scoreRisk({ action: 'login_failed' }, { failedLoginsForAccount: 9, failedLoginsFromIp: 9, localHour: 3 }).score).toBe(100)
    expect(scoreRisk({ action: 'update', collection: 'media' }, { localHour: 12 })).toEqual({ reasons: [], score: 0 })
  })

  it('reads the hour in a time zone, across DST', () => {
    expect(hourIn(new Date('2026-07-01T12:00:00Z'), 'Europe/Paris')).toBe(14)
    expect(hourIn(new Date('2026-01-01T12:00:00Z'), 'Europe/Paris')).toBe(13)
    expect(hourIn(new Date('2026-01-01T03:00:00Z'), 'America/Montreal')).toBe(22)
  })
})

describe('diffDocuments', () => {
  it('keeps changed fields only and redacts secrets at any depth', () => {
    const changes = diffDocuments(
      { name: 'A', password: 'x', settings: { apiKey: 'k1', color: 'red' }, updatedAt: '1' },
      { name: 'B', password: 'y', settings: { apiKey: 'k2', color: 'blue' }, updatedAt: '2' },
    )
    expect(changes).toEqual({
      name: { from: 'A', to: 'B' },
      password: { from: REDACTED, to: REDACTED },
      settings: { from: { apiKey: REDACTED, color: 'red' }, to: { apiKey: REDACTED, color: 'blue' } },
    })
  })
})

describe('alertEmail', () => {
  it('escapes what the request carried, in the HTML and nowhere else', () => {
    const email = alertEmail({
      action: 'delete',
      collection: 'media',
      createdAt: '2024-05-01T10:00:00.000Z',
      ip: '<img src=x onerror=alert(1)>',
      riskReasons: ['21 deletions by this user within 15 min', '<b>odd</b> & "quoted"'],
      riskScore: 80,
      userAgent: '<script>alert(1)</script>',
    })
    expect(email.subject).toBe('Security alert: delete (risk 80)')
    expect(email.html).not.toMatch(/<img|<script|<b>/)
    expect(email.html).toContain('IP: &lt;img src=x onerror=alert(1)&gt;, user agent: &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(email.html).toContain('<li>&lt;b&gt;odd&lt;/b&gt; &amp; &quot;quoted&quot;</li>')
    expect(email.text).toContain('IP: <img src=x onerror=alert(1)>, user agent: <script>alert(1)</script>')
  })
})
