/**
 * A record's lock and approval state as Zoho reports it, and what that means for converting
 * it (pure).
 *
 * `Locked__s` is an ordinary field (Bulk Read exports carry it when asked for); the approval
 * state is the Records API's `$approval_state`, which Bulk Read exports do not carry at all.
 * A record without it is taken as approved: that is what a record outside any approval or
 * review process is, and a CSV export gives no way to tell the others apart.
 */
import type { ConvertCode } from '../../../../shared/domain/convert';

/** The replica key holding the Records API's approval state. */
export const APPROVAL_STATE_KEY = '$approval_state';

/** Zoho's boolean cells: `true` in Records JSON, `true`/`TRUE`/`1` in exports. */
export function isTrue(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'true' || v === '1' || v === 'yes';
}

/** Processes that hold a record until they finish (Zia image validation, a merge in progress). */
const HELD_STATES = new Set(['merge_pending', 'zia_vision_pending', 'zia_vision_validation', 'zia_vision_rejected']);
const REVIEW_STATES = new Set(['review_process_pending', 'review_process_rejected']);

/**
 * Why Zoho would refuse to convert a record in this approval state, or null.
 *
 * Leads (S0, Convert Lead errors): held by Zia or a merge -> RECORD_LOCKED, any other state but
 * approved -> NOT_APPROVED. Inventory (S2): in a review process -> NOT_REVIEWED, in an approval
 * process (or any other unapproved state) -> NOT_APPROVED.
 */
export function approvalRefusal(state: string | undefined, flow: 'lead' | 'inventory'): { code: ConvertCode; message: string } | null {
  const s = (state ?? '').trim().toLowerCase();
  if (s === '' || s === 'approved') return null;
  if (flow === 'lead' && HELD_STATES.has(s)) {
    return { code: 'RECORD_LOCKED', message: `The record is held by Zoho (${s}); it converts once that process completes.` };
  }
  if (flow === 'inventory' && REVIEW_STATES.has(s)) {
    return { code: 'NOT_REVIEWED', message: `The record is still in a review process (${s}); Zoho converts it only once reviewed.` };
  }
  return { code: 'NOT_APPROVED', message: `The record has not been approved (${s}); Zoho does not convert a record in an approval process.` };
}
