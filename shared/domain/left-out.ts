/**
 * How the rows a lead conversion run left out because of the duplicate review are told to the
 * user (pure; the window and the CLI say it the same way).
 */
import type { LeftOutRows } from './convert';

/** A sentence saying which rows were left out and why ('' when none). */
export function leftOutSentence(l: LeftOutRows): string {
  const parts = [
    l.skip > 0 ? `${l.skip} reviewed as skip` : '',
    l.mergeRow > 0 ? `${l.mergeRow} merged into another row of the file` : '',
    l.mergeLead > 0 ? `${l.mergeLead} merged into an existing Lead (convert that lead from the replica)` : '',
  ].filter((p) => p !== '');
  const total = l.skip + l.mergeRow + l.mergeLead;
  if (total === 0) return '';
  const rows = l.rows.length > 0 ? ` (row${l.rows.length === 1 ? '' : 's'} ${l.rows.slice(0, 10).join(', ')}${total > Math.min(10, l.rows.length) ? ', …' : ''})` : '';
  return `${total} row${total === 1 ? '' : 's'} not planned because of the duplicate review: ${parts.join(', ')}${rows}.`;
}
