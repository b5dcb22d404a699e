import { describe, expect, it } from 'vitest'
import { closest, didYouMean, editDistance } from '../../src/suggest.js'

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['trust-polcy', 'trust-policy', 1],
    ['trustedIdentites', 'trustedIdentities', 1],
    ['registryScope', 'registryScopes', 1],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
    expect(editDistance(b, a)).toBe(d)
  })
})

describe('closest', () => {
  const flags = ['trust-policy', 'trust-store', 'images', 'signature', 'subject', 'json']
  it('suggests a near name, case-insensitively', () => {
    expect(closest('trust-polcy', flags)).toBe('trust-policy')
    expect(closest('Trust-Store', flags)).toBeUndefined() // same name: not a typo to correct
    expect(closest('trust-stor', flags)).toBe('trust-store')
    expect(closest('jsno', flags)).toBeUndefined() // 2 edits in a 4-letter word is another word
    expect(closest('jso', flags)).toBe('json')
  })
  it('suggests nothing for an unrelated word', () => {
    expect(closest('platform', flags)).toBeUndefined()
    expect(didYouMean('platform', flags)).toBe('')
    expect(didYouMean('imgaes', flags)).toBe('; did you mean "images"?')
  })
})
