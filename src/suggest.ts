/**
 * "Did you mean": the closest known name to a mistyped one, by Levenshtein edit distance
 * (case-insensitive), close enough to be a typo rather than a different word.
 */

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/** How many edits still look like a typo of a name this long. */
const typoBudget = (length: number): number => (length < 5 ? 1 : length < 12 ? 2 : 3)

/**
 * The candidate nearest to `word`, when it is close enough to be a typo (1 edit for short names,
 * 2 from 5 characters, 3 from 12, counted on the longer of the two); ties go to the first.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const lower = word.toLowerCase()
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase())
    if (d === 0 || d > typoBudget(Math.max(word.length, candidate.length))) continue
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** `; did you mean "x"?` or '' (for appending to a message). */
export function didYouMean(word: string, candidates: Iterable<string>, quote = '"'): string {
  const match = closest(word, candidates)
  return match === undefined ? '' : `; did you mean ${quote}${match}${quote}?`
}
