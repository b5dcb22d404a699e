/**
 * Node 24, the runtime GitHub runs the action on (`runs.using: node24`), fetched by
 * testbed/ensure-node24.sh (part of `npm test`'s pretest) so the e2e tests run dist/ on it too.
 */
import { accessSync, constants } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const NODE24_BINARY = fileURLToPath(new URL('../.testbed/node24/bin/node', import.meta.url))

/** The path of the Node 24 binary; throws with the command to fetch it when it is missing. */
export function node24(): string {
  try {
    accessSync(NODE24_BINARY, constants.X_OK)
  } catch {
    throw new Error(`Node 24 is missing at ${NODE24_BINARY}: run bash testbed/ensure-node24.sh`)
  }
  return NODE24_BINARY
}
