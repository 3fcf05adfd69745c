/**
 * How the Convert screen names where a merge target came from.
 */
import type { TargetSource } from '../../../../shared/domain/convert';

/** Where a merge target came from, as the plan says it. */
export function targetOrigin(source: TargetSource | null): string | null {
  switch (source) {
    case 'review':
      return 'from the review';
    case 'zoho-match':
      return 'Zoho’s match';
    case 'picked':
      return 'picked here';
    case 'contact-account':
      return 'the Contact’s own Account';
    default:
      return null;
  }
}
