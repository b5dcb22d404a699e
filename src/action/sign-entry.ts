/** Entry of the root action (dist/index.js): sign, then verify when a trust policy is given. */
import * as core from '@actions/core'
import { parseSignConfig } from '../config/config.js'
import { failStep } from './fail.js'
import { SIGN_INPUTS, readRawInputs, type RawInputs } from '../config/inputs.js'
import { maskSecrets } from './secrets.js'
import { imagesOf, summaryWanted, writeFailureSummary } from './summary.js'
import { runSignAction } from './run-sign.js'

async function main(): Promise<void> {
  let raw: RawInputs<(typeof SIGN_INPUTS)[number]> | undefined
  let config: ReturnType<typeof parseSignConfig>
  try {
    raw = readRawInputs(SIGN_INPUTS, (name) => core.getInput(name))
    maskSecrets(raw)
    config = parseSignConfig(raw)
  } catch (err) {
    // Bad inputs fail before anything runs; the summary still says why.
    failStep(err)
    if (summaryWanted(raw)) await writeFailureSummary('sign', imagesOf(raw), err)
    return
  }
  try {
    await runSignAction(config)
  } catch (err) {
    failStep(err)
  }
}

await main()
