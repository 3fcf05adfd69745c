/**
 * Defensive decoding of envelopes that arrive from outside the renderer.
 *
 * The core always answers with an envelope, but a proxy page, a crashed host or a preload bug
 * can hand back anything; the UI must still get a coded error instead of a TypeError.
 */
import type { Envelope } from '../../../shared/ipc/envelope';
import { isErrorCode, type ErrorCode } from '../../../shared/ipc/errors';

/** Builds a failed envelope (used for failures the core never saw, e.g. a dropped connection). */
export function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** Narrows an unknown value to an envelope, or returns `null` when it is not one. */
export function asEnvelope(raw: unknown): Envelope<unknown> | null {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    return null;
  }
  if (raw.ok === true) {
    return { ok: true, value: 'value' in raw ? raw.value : undefined };
  }
  if (raw.ok === false && 'error' in raw && typeof raw.error === 'object' && raw.error !== null) {
    const err = raw.error;
    const code = 'code' in err && isErrorCode(err.code) ? err.code : 'INTERNAL';
    const message = 'message' in err && typeof err.message === 'string' ? err.message : 'Unknown error.';
    return failure(code, message);
  }
  return null;
}
