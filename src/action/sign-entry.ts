/** Entry of the root action (dist/index.js): sign, then verify when a trust policy is given. */
import * as core from '@actions/core'
import { parseSignConfig } from '../config/config.js'
import { failStep } from './fail.js'
import { SIGN_INPUTS, readRawInputs } from '../config/inputs.js'
import { maskSecrets } from './secrets.js'
import { runSignAction } from './run-sign.js'

async function main(): Promise<void> {
  try {
    const raw = readRawInputs(SIGN_INPUTS, (name) => core.getInput(name))
    maskSecrets(raw)
    await runSignAction(parseSignConfig(raw))
  } catch (err) {
    failStep(err)
  }
}

await main()
