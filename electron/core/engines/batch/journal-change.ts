/**
 * What one undo journal entry holds: enough to apply a change either way.
 */
import type { BatchMapping } from '../../../../shared/domain/batch';
import type { ReviewDecision } from '../../../../shared/domain/review';

export type JournalChange =
  | { kind: 'mapping'; before: BatchMapping; after: BatchMapping }
  | { kind: 'edit'; row: number; field: string; before: string | null; after: string | null }
  | { kind: 'exclude'; rows: number[]; excluded: boolean }
  | { kind: 'replace'; field: string; cells: { row: number; before: string | null; after: string | null }[] }
  | {
      /** A duplicate review step: decisions, the cell edits of a cluster merge, cluster splits. */
      kind: 'review';
      decisions: { row: number; before: ReviewDecision | null; after: ReviewDecision | null }[];
      edits: { row: number; field: string; before: string | null; after: string | null }[];
      clusters: { row: number; before: number | null; after: number | null }[];
    };
