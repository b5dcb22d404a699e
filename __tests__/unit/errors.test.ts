import { describe, expect, it } from 'vitest'
import { ActionError, formatCauseChain } from '../../src/errors.js'

describe('formatCauseChain', () => {
  it('prints each cause once: one an outer message already quotes is left out', () => {
    const inner = new ActionError('TSA_UNTRUSTED', 'no path to a trusted TSA root')
    const middle = new Error('wrapper without text of its own', { cause: inner })
    const outer = new ActionError(
      'AUTHENTIC_TIMESTAMP',
      'authenticTimestamp validation failed: no path to a trusted TSA root',
      { cause: middle },
    )
    expect(formatCauseChain(outer)).toEqual([
      '[AUTHENTIC_TIMESTAMP] authenticTimestamp validation failed: no path to a trusted TSA root',
      '  caused by: wrapper without text of its own',
      '  caused by: [TSA_UNTRUSTED]',
    ])
  })

  it('keeps causes that add something, and non-Error causes', () => {
    const err = new ActionError('A', 'outer', { cause: new Error('inner', { cause: 'a string' }) })
    expect(formatCauseChain(err)).toEqual([
      '[A] outer',
      '  caused by: inner',
      '  caused by: a string',
    ])
  })
})
