/**
 * The fingerprint templates are matched by: the same headers, in any order, whatever their
 * case or spacing. Hashed so the workspace indexes a short key instead of a whole header row.
 */
import crypto from 'node:crypto';
import { headerFingerprintSource } from './normalize-header';

export function headerFingerprint(header: readonly string[]): string {
  return crypto.createHash('sha256').update(headerFingerprintSource(header)).digest('hex');
}
