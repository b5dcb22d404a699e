/**
 * The workflow step equivalent to a demo run: `uses:` plus `with:` holding the inputs it was given,
 * with the secret ones written as `${{ secrets.… }}` references and local paths and mock URLs
 * kept as they were (the demo's values, to be replaced by yours). For the demo only.
 */

/** Inputs a workflow passes from secrets, never inline. */
const SECRET_INPUTS: Record<string, string> = {
  'registry-password': '${{ secrets.REGISTRY_PASSWORD }}',
  'signing-key': '${{ secrets.SIGNING_KEY }}',
}

function yamlValue(value: string, indent: string): string {
  if (value.includes('\n'))
    return `|\n${value
      .split('\n')
      .map((l) => `${indent}  ${l}`)
      .join('\n')}`
  // Plain scalars are fine unless they could be read as something else.
  return /^[\w./@:${}=, -]+$/.test(value) && !/^[\d.]+$/.test(value) && !/: |^[{[]/.test(value)
    ? value
    : JSON.stringify(value)
}

export function workflowStep(
  name: string,
  uses: string,
  inputs: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const lines = [`- name: ${name}`, `  uses: ${uses}`, '  with:']
  for (const [key, raw] of Object.entries({ ...inputs, ...extra })) {
    const value = SECRET_INPUTS[key] ?? raw
    lines.push(`    ${key}: ${yamlValue(value, '    ')}`)
  }
  return lines.join('\n')
}
