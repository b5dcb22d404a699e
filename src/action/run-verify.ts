import type { VerifyOnlyConfig } from './config.js'
import { ActionError } from '../errors.js'

export async function runVerifyAction(_config: VerifyOnlyConfig): Promise<void> {
  throw new ActionError('NOT_IMPLEMENTED', 'verification is being wired up')
}
