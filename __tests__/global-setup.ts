/**
 * Vitest global set-up: starts the local test stack once per run (Debian's docker-registry in
 * three modes and the openssl TSA), on loopback, and stops it by pid at the end. Workers read the
 * description with `testbed()` from __tests__/helpers/testbed.ts.
 */
import type { TestProject } from 'vitest/node'
import { startTestbed, type Testbed } from '../testbed/stack.js'

let testbed: Testbed | undefined

export async function setup(project: TestProject): Promise<void> {
  testbed = await startTestbed()
  project.provide('testbed', testbed.info)
}

export async function teardown(): Promise<void> {
  await testbed?.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    testbed: import('../testbed/stack.js').TestbedInfo
  }
}
