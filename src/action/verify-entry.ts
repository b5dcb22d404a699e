/** Entry of the verify-only action (dist/verify.js). */
import * as core from '@actions/core'
import { parseVerifyConfig } from '../config/config.js'
import { failStep } from './fail.js'
import { VERIFY_INPUTS, readRawInputs } from '../config/inputs.js'
import { maskSecrets } from './secrets.js'
import { runVerifyAction } from './run-verify.js'

async function main(): Promise<void> {
  try {
    const raw = readRawInputs(VERIFY_INPUTS, (name) => core.getInput(name))
    maskSecrets(raw)
    await runVerifyAction(parseVerifyConfig(raw))
  } catch (err) {
    failStep(err)
  }
}

await main()
