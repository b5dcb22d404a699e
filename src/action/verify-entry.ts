/** Entry of the verify-only action (dist/verify.js). */
import * as core from '@actions/core'
import { parseVerifyConfig } from '../config/config.js'
import { failStep } from './fail.js'
import { VERIFY_INPUTS, readRawInputs, type RawInputs } from '../config/inputs.js'
import { maskSecrets } from './secrets.js'
import { imagesOf, summaryWanted, writeFailureSummary } from './summary.js'
import { runVerifyAction } from './run-verify.js'

async function main(): Promise<void> {
  let raw: RawInputs<(typeof VERIFY_INPUTS)[number]> | undefined
  let config: ReturnType<typeof parseVerifyConfig>
  try {
    raw = readRawInputs(VERIFY_INPUTS, (name) => core.getInput(name))
    maskSecrets(raw)
    config = parseVerifyConfig(raw)
  } catch (err) {
    // Bad inputs fail before anything runs; the summary still says why.
    failStep(err)
    if (summaryWanted(raw)) await writeFailureSummary('verify', imagesOf(raw), err)
    return
  }
  try {
    await runVerifyAction(config)
  } catch (err) {
    failStep(err)
  }
}

await main()
