/**
 * Writes the job summary (GITHUB_STEP_SUMMARY). The content is a pure render of a view model
 * (src/report/summary.ts); this edge only appends it. Writing never hides the step's own error:
 * a summary that cannot be written is a debug line.
 */
import * as core from '@actions/core'
import { parseList } from '../config/config.js'
import {
  failureSummaryView,
  renderSummary,
  type FailureSummaryInput,
  type SummaryView,
} from '../report/summary.js'

export async function writeSummary(view: SummaryView): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(view)).write()
  } catch (err) {
    core.debug(
      `the job summary was not written: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
}

/** The summary of a step that failed before any image was signed or verified. */
export async function writeFailureSummary(
  action: FailureSummaryInput['action'],
  images: readonly string[],
  error: unknown,
): Promise<void> {
  await writeSummary(failureSummaryView({ action, images, error }))
}

/**
 * `show-summary` read leniently for a step whose inputs did not parse: only an explicit "false"
 * turns the failure summary off.
 */
export function summaryWanted(raw: { 'show-summary'?: string } | undefined): boolean {
  return raw?.['show-summary']?.trim().toLowerCase() !== 'false'
}

/** The images input read leniently, for the failure summary of a step whose inputs did not parse. */
export function imagesOf(raw: { images?: string } | undefined): string[] {
  return parseList(raw?.images ?? '')
}
