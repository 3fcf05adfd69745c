/**
 * What one undo journal entry holds: enough to apply a change either way.
 */
import type { BatchMapping } from '../../../../shared/domain/batch';

export type JournalChange =
  | { kind: 'mapping'; before: BatchMapping; after: BatchMapping }
  | { kind: 'edit'; row: number; field: string; before: string | null; after: string | null }
  | { kind: 'exclude'; rows: number[]; excluded: boolean }
  | { kind: 'replace'; field: string; cells: { row: number; before: string | null; after: string | null }[] };
