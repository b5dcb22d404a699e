/**
 * The one place a step fails: one `::error` with the message and remedy, the cause chain in the
 * debug log, never a stack trace for an expected error.
 */
import * as core from '@actions/core'
import { ActionError, formatCauseChain } from '../errors.js'

export function failStep(err: unknown): void {
  const lines = formatCauseChain(err)
  const remedy =
    err instanceof ActionError && err.remedy !== undefined ? `\nremedy: ${err.remedy}` : ''
  core.setFailed(`${lines.join('\n')}${remedy}`)
  if (!(err instanceof ActionError) && err instanceof Error && err.stack !== undefined) {
    // An unexpected error: keep the stack for bug reports, in the debug log only.
    core.debug(err.stack)
  }
}
