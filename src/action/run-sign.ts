import type { SignConfig } from './config.js'
import { ActionError } from '../errors.js'

export async function runSignAction(_config: SignConfig): Promise<void> {
  throw new ActionError('NOT_IMPLEMENTED', 'signing is being wired up')
}
