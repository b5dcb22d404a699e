import { describe, expect, it } from 'vitest'
import {
  LEVELS,
  VALIDATION_TYPES,
  isCriticalFailure,
  resolveVerificationLevel,
  type ValidationAction,
  type ValidationType,
} from '../../../src/verify/levels.js'

type Row = [string, Record<ValidationType, ValidationAction>]

// notary-spec.md §6.3, cell by cell.
const TABLE: Row[] = [
  [
    'strict',
    {
      integrity: 'enforce',
      authenticity: 'enforce',
      authenticTimestamp: 'enforce',
      expiry: 'enforce',
      revocation: 'enforce',
    },
  ],
  [
    'permissive',
    {
      integrity: 'enforce',
      authenticity: 'enforce',
      authenticTimestamp: 'log',
      expiry: 'log',
      revocation: 'log',
    },
  ],
  [
    'audit',
    {
      integrity: 'enforce',
      authenticity: 'log',
      authenticTimestamp: 'log',
      expiry: 'log',
      revocation: 'log',
    },
  ],
  [
    'skip',
    {
      integrity: 'skip',
      authenticity: 'skip',
      authenticTimestamp: 'skip',
      expiry: 'skip',
      revocation: 'skip',
    },
  ],
]

describe('verification levels (§6.3)', () => {
  it.each(TABLE)('%s matches the table', (name, expected) => {
    const r = resolveVerificationLevel(name)
    expect(r).toEqual({ ok: true, level: { name, enforcement: expected } })
    expect(LEVELS[name as 'strict'].enforcement).toEqual(expected)
  })

  it('an empty override keeps the base level, even for skip', () => {
    expect(resolveVerificationLevel('skip', {})).toEqual({ ok: true, level: LEVELS.skip })
    expect(resolveVerificationLevel('audit', {})).toEqual({ ok: true, level: LEVELS.audit })
  })

  it('rejects an empty or unknown level', () => {
    expect(resolveVerificationLevel('')).toEqual({
      ok: false,
      problems: [{ path: 'level', message: expect.stringContaining('empty or missing') }],
    })
    expect(resolveVerificationLevel('Strict')).toEqual({
      ok: false,
      problems: [
        {
          path: 'level',
          message: expect.stringContaining('invalid signature verification level "Strict"'),
        },
      ],
    })
  })
})

describe('override (§6.4)', () => {
  // Every allowed (base, key, value) combination: result = base with that one cell replaced.
  const bases = ['strict', 'permissive', 'audit'] as const
  const keys = ['authenticity', 'authenticTimestamp', 'expiry', 'revocation'] as const
  const cases: [string, string, string][] = []
  for (const b of bases)
    for (const k of keys) for (const v of ['enforce', 'log']) cases.push([b, k, v])
  for (const b of bases) cases.push([b, 'revocation', 'skip'])

  it.each(cases)(
    '%s + %s=%s gives a custom level with that one action changed',
    (base, key, value) => {
      const r = resolveVerificationLevel(base, { [key]: value })
      expect(r.ok).toBe(true)
      if (!r.ok) return
      expect(r.level.name).toBe('custom')
      for (const t of VALIDATION_TYPES) {
        const expected = t === key ? value : LEVELS[base as 'strict'].enforcement[t]
        expect(r.level.enforcement[t]).toBe(expected)
      }
    },
  )

  it('applies several overrides at once', () => {
    const r = resolveVerificationLevel('strict', { revocation: 'skip', expiry: 'log' })
    expect(r).toEqual({
      ok: true,
      level: {
        name: 'custom',
        enforcement: {
          integrity: 'enforce',
          authenticity: 'enforce',
          authenticTimestamp: 'enforce',
          expiry: 'log',
          revocation: 'skip',
        },
      },
    })
  })

  const bad: [string, Record<string, string>, string, string][] = [
    [
      'skip',
      { expiry: 'log' },
      'override',
      `signature verification level "skip" can't be used to customize signature verification`,
    ],
    [
      'strict',
      { integrity: 'log' },
      'override.integrity',
      '"integrity" verification can not be overridden',
    ],
    [
      'strict',
      { integrity: 'enforce' },
      'override.integrity',
      '"integrity" verification can not be overridden',
    ],
    [
      'strict',
      { authenticity: 'skip' },
      'override.authenticity',
      '"authenticity" verification can not be skipped',
    ],
    [
      'permissive',
      { authenticTimestamp: 'skip' },
      'override.authenticTimestamp',
      '"authenticTimestamp" verification can not be skipped',
    ],
    ['audit', { expiry: 'skip' }, 'override.expiry', '"expiry" verification can not be skipped'],
    [
      'strict',
      { signature: 'log' },
      'override.signature',
      'verification type "signature" in custom signature verification is not supported',
    ],
    ['strict', { 'bad key': 'log' }, 'override["bad key"]', 'verification type "bad key"'],
    [
      'strict',
      { expiry: 'warn' },
      'override.expiry',
      'verification action "warn" in custom signature verification is not supported',
    ],
    ['strict', { expiry: 'Log' }, 'override.expiry', 'verification action "Log"'],
  ]
  it.each(bad)('%s + %j is rejected at %s', (level, override, path, message) => {
    const r = resolveVerificationLevel(level, override)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems).toEqual([{ path, message: expect.stringContaining(message) }])
  })

  it('reports every bad override key, not only the first', () => {
    const r = resolveVerificationLevel('strict', { integrity: 'log', expiry: 'skip', foo: 'log' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems.map((p) => p.path)).toEqual([
      'override.integrity',
      'override.expiry',
      'override.foo',
    ])
  })
})

describe('isCriticalFailure', () => {
  it('only an enforced failure is critical', () => {
    expect(isCriticalFailure('enforce', true)).toBe(true)
    expect(isCriticalFailure('enforce', false)).toBe(false)
    expect(isCriticalFailure('log', true)).toBe(false)
    expect(isCriticalFailure('skip', true)).toBe(false)
  })
})

describe('a mistyped level, verification type or action gets a "did you mean"', () => {
  it.each([
    ['stirct', {}, 'did you mean "strict"?'],
    ['strict', { revokation: 'skip' }, 'did you mean "revocation"?'],
    ['strict', { expiry: 'logg' }, 'did you mean "log"?'],
  ])('%s %o', (level, override, hint) => {
    const result = resolveVerificationLevel(level, override)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.message).toContain(hint)
  })
})
