/**
 * The error a verify job ends with when an image is not verified. Apart from commands/verify.ts so
 * that the action edge can name it without loading the verifier (and yaml, via the trust policy)
 * at start-up: a sign-only run never verifies.
 */
import { ActionError } from '../errors.js'

export class VerifyCommandError extends ActionError<'NOT_VERIFIED'> {}
