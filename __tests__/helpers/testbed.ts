import { inject } from 'vitest'
import type { TestbedInfo } from '../../testbed/stack.js'

/** The running test stack (started once by __tests__/global-setup.ts). */
export function testbed(): TestbedInfo {
  return inject('testbed')
}
