/**
 * Turning thrown errors into the `UiError` shape the store keeps.
 */
import { toRpcError } from '../api/client';
import type { UiError } from './types';

/** Converts anything a client call threw into a displayable, coded error. */
export function uiError(err: unknown): UiError {
  const rpc = toRpcError(err);
  return { code: rpc.code, message: rpc.message };
}
