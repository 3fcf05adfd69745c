import type { ErrorInfo } from './errors';

/** What every transport carries back for a request: a value or a coded error, never a throw. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
