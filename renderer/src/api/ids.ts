/**
 * Client-side ids for long jobs, so progress events can be matched before the reply arrives.
 */

/** A fresh job id matching the contract's `^[A-Za-z0-9_-]{8,64}$`. */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID().replace(/-/g, '');
  }
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
